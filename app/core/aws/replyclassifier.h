#pragma once

#include "awserror.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QString>

#include <functional>

namespace syncdeck::aws {

// Everything an attempt ended with, read off the network reply (or set by the call's own
// timers and size limit). Plain data, so a reply can be classified without a socket.
struct ReplyFacts
{
    int httpStatus = 0; // 0: no HTTP answer at all
    QByteArray reasonPhrase;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText; // QNetworkReply::errorString()
    bool timedOut = false; // SyncDeck's connect or read timer fired
    bool connected = false; // the request went out (a timeout is then a read timeout)
    bool tooLarge = false; // the body went over the size limit and the reply was aborted
    QByteArray body;
    std::function<QByteArray(const QByteArray &name)> header; // raw response header, "" if absent
};

// What the classification needs to know about the call and its client.
struct ReplyContext
{
    QString operation; // "ListDataSourceSyncJobs"
    QString serviceTitle; // "Amazon Q Business", for "is this the right endpoint?" hints
    QString host; // the endpoint's host, for messages
    qint64 maxResponseBytes = 0;
    int connectTimeoutMs = 0;
    int readTimeoutMs = 0;
};

// Reads a successful body into the call's result; false with *error when it cannot.
using ParseBody = std::function<bool(const QByteArray &body, QString *error)>;
// Reads an error answer (status >= 300) into an AwsError: the protocol's error format.
using ReadErrorBody = std::function<AwsError(const ReplyFacts &facts)>;

// The one place that turns an attempt's outcome into "success" (AwsError::Kind::None, after
// `parse` accepted the body) or an AwsError with kind, code, message, request id and a next
// step. Pure: no socket, no clock; retry decisions are the retry strategy's.
AwsError classifyReply(const ReplyFacts &facts, const ReplyContext &context, const ParseBody &parse,
                       const ReadErrorBody &readError);

// A JSON protocol's error answer (rest-json and awsJson1_x read errors alike): code from
// x-amzn-ErrorType, else the body's code/Code/__type (namespace and URI parts dropped), else the
// status; message from message/Message, else the reason phrase and what the body was (an HTML
// page from a proxy is still an error); request id from x-amzn-RequestId; the other members
// (reason, fields, resourceId, ...) kept in AwsError::fields.
AwsError readJsonError(const ReplyFacts &facts);
// "aws.protocoltests.restjson#FooError:http://internal.amazon.com/" -> "FooError".
QString sanitizeErrorCode(QString code);

} // namespace syncdeck::aws
