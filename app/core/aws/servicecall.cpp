#include "servicecall.h"

#include "servicecall_p.h"

#include <QMetaObject>

namespace syncdeck::aws {

void ServiceCall::Private::finish(const AwsError &e)
{
    if (finished)
        return;
    finished = true;
    error = e;
    connectTimer.stop();
    readTimer.stop();
    waitTimer.stop();
    dropReply();
    // A slot may delete the call: read what is needed before emitting.
    const bool deleteAfter = autoDelete;
    QPointer<ServiceCall> alive(q);
    emit q->finished(q);
    if (deleteAfter && alive)
        alive->deleteLater();
}

void ServiceCall::Private::dropReply()
{
    if (!reply)
        return;
    QNetworkReply *r = reply;
    reply = nullptr;
    QObject::disconnect(r, nullptr, q, nullptr);
    if (r->isRunning())
        r->abort();
    r->deleteLater();
}

ServiceCall::ServiceCall(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->connectTimer.setSingleShot(true);
    d->readTimer.setSingleShot(true);
    d->waitTimer.setSingleShot(true);
}

ServiceCall::~ServiceCall()
{
    d->dropReply();
}

void ServiceCall::start()
{
    if (d->started)
        return;
    d->started = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (d->finished)
                return;
            if (!d->client) {
                d->finish(
                    AwsError::make(AwsError::Kind::Client, QStringLiteral("NoClient"),
                                   QStringLiteral("the client of this call no longer exists")));
                return;
            }
            d->client->beginAttempt(this);
        },
        Qt::QueuedConnection);
}

void ServiceCall::abort()
{
    if (d->finished)
        return;
    AwsError e;
    e.kind = AwsError::Kind::Aborted;
    e.code = QStringLiteral("Aborted");
    e.message = QStringLiteral("the call was cancelled");
    d->finish(e);
}

bool ServiceCall::isFinished() const
{
    return d->finished;
}

const AwsError &ServiceCall::error() const
{
    return d->error;
}

bool ServiceCall::autoDelete() const
{
    return d->autoDelete;
}

void ServiceCall::setAutoDelete(bool autoDelete)
{
    d->autoDelete = autoDelete;
}

int ServiceCall::attempts() const
{
    return d->attempt;
}

QString ServiceCall::operation() const
{
    return d->spec.operation;
}

const SentRequest &ServiceCall::lastRequest() const
{
    return d->lastRequest;
}

} // namespace syncdeck::aws
