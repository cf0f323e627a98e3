#pragma once

#include "httpparser.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

// One client connection: reads pipelined HTTP/1.1 requests, answers them strictly in order
// (a stalled answer holds back the ones behind it), keeps the connection alive unless told not
// to, and closes it when idle. Never blocks.
namespace syncdeck::emulator {

class Service;
struct Reply;

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, Service *service, int maxHeaderBytes, qint64 maxBodyBytes,
                   int idleTimeoutMs, QObject *parent);

signals:
    void closed();

private:
    void processBuffer();
    void send(const Reply &reply, bool keepAlive);
    void write(const HttpResponse &response, bool keepAlive, bool truncate);
    void resetConnection();
    void closeWhenWritten();
    void onIdle();
    void finish(); // emits closed() once and schedules deletion

    QTcpSocket *m_socket;
    Service *m_service;
    HttpParser m_parser;
    qint64 m_bufferLimit;
    QByteArray m_buffer;
    QTimer m_idleTimer;
    bool m_busy = false; // an answer is being held back (stall fault)
    bool m_closing = false;
    bool m_finished = false;
    bool m_continueSent = false; // "100 Continue" already sent for the request being read
};

} // namespace syncdeck::emulator
