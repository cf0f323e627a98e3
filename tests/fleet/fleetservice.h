#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <memory>

class QTcpSocket;

namespace syncdeck::test {

// A scripted Amazon Q Business fleet over real TCP for the fleet scan's tests: generated
// applications, indices and data sources with short run histories, answers held back for a
// while (so calls overlap and the number in flight can be counted), and a hook that may
// rewrite any answer (AccessDenied, throttling, a deleted application, a repeating token).
// Signatures are not checked: the emulator's tests do that; this service is about the scan.
class FleetService : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int applications = 2;
        int indicesPerApplication = 1;
        int dataSourcesPerIndex = 3;
        int answerDelayMs = 0; // every answer waits this long (0: at once)
    };

    // One request, classified.
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QString operation; // ListApplications, ListIndices, ListDataSources, GetDataSource,
                           // ListDataSourceSyncJobs, or Unknown
        QString applicationId; // of the path, when it has one
        QString indexId;
        QString dataSourceId;
        QHash<QString, QString> query; // decoded
        qint64 receivedMs = 0; // since the service started
    };

    struct Reply
    {
        int status = 200;
        QJsonObject body;
        QByteArray errorType; // x-amzn-ErrorType, for errors
        bool reset = false; // drop the connection without an answer
    };
    // Sees every request with the answer the fleet would give, and may change it.
    using Intercept = std::function<void(const Request &, Reply &)>;

    explicit FleetService(Options options, QObject *parent = nullptr);
    ~FleetService() override;

    bool listen();
    QUrl url() const;
    void setIntercept(Intercept intercept) { m_intercept = std::move(intercept); }

    // Ids of the generated fleet (36 characters, like the service's).
    static QString applicationId(int a);
    static QString indexId(int a, int i);
    static QString dataSourceId(int a, int i, int d);
    static Reply error(int status, const QByteArray &code, const QString &message);

    const QList<Request> &requests() const { return m_requests; }
    int count(const QString &operation) const;
    int outstanding() const { return m_outstanding; } // received, not yet answered
    int maxOutstanding() const { return m_maxOutstanding; }
    int abandoned() const { return m_abandoned; } // connections closed while waiting for an answer
    int totalDataSources() const;

private:
    struct Pending
    {
        QByteArray bytes;
        bool ready = false;
        bool reset = false;
    };
    struct Connection
    {
        QByteArray buffer;
        QList<std::shared_ptr<Pending>> answers; // in request order
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void flush(QTcpSocket *socket);
    Request classify(const QByteArray &method, const QByteArray &target) const;
    Reply answer(const Request &request) const;
    QJsonObject dataSourceDetails(int a, int i, int d) const;
    QJsonObject runs(int a, int i, int d, int maxResults) const;

    Options m_options;
    QTcpServer m_server;
    Intercept m_intercept;
    QHash<QTcpSocket *, Connection> m_connections;
    QList<Request> m_requests;
    QElapsedTimer m_clock;
    int m_outstanding = 0;
    int m_maxOutstanding = 0;
    int m_abandoned = 0;
};

} // namespace syncdeck::test
