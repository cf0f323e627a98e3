#pragma once

#include "httpmessage.h"

#include <QString>

// An incremental HTTP/1.1 request parser over a connection's receive buffer: request line,
// header fields and a Content-Length body. Pipelined requests are taken one at a time; the bytes
// of the next request stay in the buffer.
namespace syncdeck::emulator {

class HttpParser
{
public:
    enum class Result { NeedMore, Complete, Error };

    HttpParser(int maxHeaderBytes, qint64 maxBodyBytes);

    // Takes one complete request off the front of *buffer into *out. On Error, *errorStatus is
    // the HTTP status to answer with (400, 413, 501, 505) and *errorMessage says why; the
    // connection cannot be resynchronised and must be closed after the answer.
    Result parse(QByteArray *buffer, HttpRequest *out, int *errorStatus,
                 QString *errorMessage) const;

    // True when *buffer starts with a complete header section that asks for
    // "Expect: 100-continue" (the client waits for an interim answer before sending the body).
    static bool expectsContinue(const QByteArray &buffer);

private:
    int m_maxHeaderBytes;
    qint64 m_maxBodyBytes;
};

} // namespace syncdeck::emulator
