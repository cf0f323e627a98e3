#pragma once

#include "aws/sigv4.h"

#include <QByteArray>
#include <QList>

#include <algorithm>

// HTTP/1.1 requests and responses as the emulator receives and sends them.
namespace syncdeck::emulator {

struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as received: percent-encoded path and query
    QByteArray path;
    QByteArray query; // without '?'
    int minorVersion = 1; // HTTP/1.<minorVersion>
    QList<aws::sigv4::Header> headers; // as received, in order, names in their original case
    QByteArray body;

    // The first header of that name (case-insensitive), or a null QByteArray.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (h.name.compare(name, Qt::CaseInsensitive) == 0)
                return h.value;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        return std::any_of(headers.begin(), headers.end(), [name](const aws::sigv4::Header &h) {
            return h.name.compare(name, Qt::CaseInsensitive) == 0;
        });
    }
    // HTTP/1.1 keeps the connection unless told otherwise; HTTP/1.0 only when asked.
    bool keepAlive() const
    {
        const QByteArray connection = header("connection").toLower();
        if (connection.contains("close"))
            return false;
        return minorVersion >= 1 || connection.contains("keep-alive");
    }
};

struct HttpResponse
{
    int status = 200;
    QList<aws::sigv4::Header> headers; // Content-Length, Connection and Date are added on send
    QByteArray body;

    void setHeader(QByteArray name, QByteArray value)
    {
        for (auto &h : headers) {
            if (h.name.compare(name, Qt::CaseInsensitive) == 0) {
                h.value = std::move(value);
                return;
            }
        }
        headers.append({std::move(name), std::move(value)});
    }
};

QByteArray reasonPhrase(int status);

} // namespace syncdeck::emulator
