#pragma once

#include "awserror.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

#include <memory>

namespace syncdeck::aws {

class ServiceClient;

// A request as it was (or, with dryRun, would have been) sent, for --dry-run and diagnostics.
// The value of X-Amz-Security-Token is replaced by "** REDACTED **"; the secret key is never in a
// request at all.
struct SentRequest
{
    QByteArray method;
    QByteArray url; // exactly the bytes of the request target, with scheme and authority
    QList<QPair<QByteArray, QByteArray>> headers; // as set by SyncDeck, in order
    QByteArray body;
};

// One call of an AWS operation, whatever its protocol. Follows the qtkeychain Job contract:
// start() is queued (the call begins when the event loop runs), finished() fires exactly once
// (also after abort()), results and error() are valid after finished(). With autoDelete (the
// default) the call deletes itself after finished(). Each service's client derives one class
// per operation that holds the operation's result.
class ServiceCall : public QObject
{
    Q_OBJECT
public:
    // A call does nothing until a ServiceClient prepared it (ServiceClient::newCall).
    explicit ServiceCall(QObject *parent = nullptr);
    ~ServiceCall() override;

    void start();
    void abort();
    bool isFinished() const;
    const AwsError &error() const;
    bool autoDelete() const;
    void setAutoDelete(bool autoDelete);
    int attempts() const; // attempts made, for --debug and tests
    QString operation() const; // e.g. "ListDataSourceSyncJobs"
    const SentRequest &lastRequest() const; // the last attempt's request (redacted)

signals:
    void finished(syncdeck::aws::ServiceCall *call);
    // One line per attempt for --debug: URL, status, request id, delay before retry.
    void attemptLogged(const QString &line);
    // An attempt's request was signed and handed to the network (once per attempt).
    void requestSent(syncdeck::aws::ServiceCall *call);

private:
    struct Private;
    std::unique_ptr<Private> d;
    friend class ServiceClient;
};

} // namespace syncdeck::aws
