#pragma once

#include "sigv4.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace syncdeck::aws {

// An HTTP/1.1 request written out as text, the format of the AWS SigV4 test suite's request.txt
// and of what `curl -v` or a proxy log shows: request line, header lines (a line that starts with
// a space or tab continues the previous header), a blank line, then the body byte for byte.
// Lines end with LF or CRLF. parse() checks the text and says which line is wrong.
class RawHttpRequest
{
public:
    static RawHttpRequest parse(QByteArrayView text);

    bool ok() const { return m_error.isEmpty(); }
    // Why parse() failed, naming the line: "line 3 ('Foo'): ...". Empty on success.
    const QString &error() const { return m_error; }
    int errorLine() const { return m_errorLine; } // 1-based; 0 when no single line is to blame

    // The request for the signer: method, path and query exactly as written, headers in order.
    const sigv4::Request &request() const { return m_request; }

    // 1-based line of the first header called `name` (any case), or 0.
    int lineOf(QByteArrayView name) const;

    // The request with `added` headers after the ones written, as the AWS suite shows a signed
    // request (header-signed-request.txt): request line and header lines as written, the added
    // headers as "Name:value", a blank line, the body. Uses the line ending of the input.
    // Values of headers named in `redact` (any case) print as `redaction` instead.
    QByteArray withHeaders(const QList<sigv4::Header> &added, const QList<QByteArray> &redact = {},
                           QByteArrayView redaction = {}) const;

private:
    sigv4::Request m_request;
    QList<QByteArray> m_headLines; // request line and header lines as written, without endings
    QList<QByteArray> m_headLineNames; // the header name each head line belongs to ("" first)
    QByteArray m_lineEnding = "\n";
    QString m_error;
    int m_errorLine = 0;
};

} // namespace syncdeck::aws
