#pragma once

#include "filterpattern.h"
#include "router.h"

#include <QJsonObject>
#include <QStringList>

#include <limits>

// The members of the CloudWatch Logs reads, checked as the model says (LogsApi): each operation's
// checks in the service's order, the first failure being the answer (an awsJson error).
namespace syncdeck::emulator::logsmembers {

constexpr int MaxEvents = 10000;
constexpr qint64 Forever = std::numeric_limits<qint64>::max();

HttpResponse invalidParameter(const QString &message);
// "1 validation error detected: Value '...' at 'member' failed to satisfy constraint: rule".
HttpResponse constraint(const QString &member, const QString &value, const QString &rule);

// The request's body as a JSON object (an empty body: an empty object).
bool parseBody(const RoutedRequest &request, QJsonObject *body, HttpResponse *error);
// An optional integer member; false with *error when it is not one or out of [lo, hi].
bool integerMember(const QJsonObject &body, const char *name, qint64 lo, qint64 hi, qint64 *out,
                   HttpResponse *error);
// An optional name member of 1 to 512 characters.
bool stringMember(const QJsonObject &body, const char *name, QString *out, HttpResponse *error);

// The log group's name: logGroupName, or logGroupIdentifier (an ARN or a name), not both.
bool groupMember(const QJsonObject &body, QString *groupName, HttpResponse *error);

// The event window both event reads take: limit (default and most: MaxEvents), startTime and
// endTime (default: everything).
struct EventWindow
{
    qint64 limit = MaxEvents;
    qint64 startTime = 0;
    qint64 endTime = Forever;
};
bool eventWindow(const QJsonObject &body, EventWindow *window, HttpResponse *error);

// FilterLogEvents' own members.
struct FilterMembers
{
    EventWindow window;
    QString prefix;
    QStringList streamNames;
    QString pattern;
    FilterPattern filter;
};
bool filterMembers(const QJsonObject &body, FilterMembers *f, HttpResponse *error);

// DescribeLogStreams' own members: limit (1..50), logStreamNamePrefix, orderBy.
bool describeMembers(const QJsonObject &body, qint64 *limit, QString *prefix, QString *orderBy,
                     HttpResponse *error);

} // namespace syncdeck::emulator::logsmembers
