#pragma once

// The state of one call, shared by ServiceCall and the ServiceClient that runs it.

#include "replyclassifier.h"
#include "servicecall.h"
#include "serviceclient.h"

#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace syncdeck::aws {

struct ServiceCall::Private
{
    ServiceCall *q = nullptr;
    QPointer<ServiceClient> client;
    RequestSpec spec;
    ParseBody parse;

    QByteArray invocationId;
    int attempt = 0;
    int maxAttempts = 1;
    int retryTokensTaken = 0;
    bool started = false;
    bool finished = false;
    bool autoDelete = true;
    AwsError error;
    SentRequest lastRequest;

    QPointer<QNetworkReply> reply;
    QByteArray body;
    bool timedOut = false;
    bool connected = false;
    bool tooLarge = false;
    QTimer connectTimer;
    QTimer readTimer;
    QTimer waitTimer; // backoff before a retry, or the adaptive limiter's pacing

    void finish(const AwsError &e);
    void dropReply();
};

} // namespace syncdeck::aws
