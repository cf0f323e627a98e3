#include "logsmembers.h"

#include "logsapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace syncdeck::emulator::logsmembers {

HttpResponse invalidParameter(const QString &message)
{
    return awsJsonError(400, QStringLiteral("InvalidParameterException"), message);
}

HttpResponse constraint(const QString &member, const QString &value, const QString &rule)
{
    return invalidParameter(QStringLiteral("1 validation error detected: Value '%1' at '%2' "
                                           "failed to satisfy constraint: %3")
                                .arg(value, member, rule));
}

bool integerMember(const QJsonObject &body, const char *name, qint64 lo, qint64 hi, qint64 *out,
                   HttpResponse *error)
{
    const QJsonValue v = body.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return true;
    const QString text
        = QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact))
              .chopped(1)
              .mid(1);
    if (!v.isDouble() || v.toDouble() != double(qint64(v.toDouble()))) {
        *error = awsJsonError(
            400, QStringLiteral("SerializationException"),
            QStringLiteral("%1 must be an integer, not %2").arg(QLatin1String(name), text));
        return false;
    }
    const qint64 n = qint64(v.toDouble());
    if (n < lo) {
        *error = constraint(
            QLatin1String(name), text,
            QStringLiteral("Member must have value greater than or equal to %1").arg(lo));
        return false;
    }
    if (n > hi) {
        *error
            = constraint(QLatin1String(name), text,
                         QStringLiteral("Member must have value less than or equal to %1").arg(hi));
        return false;
    }
    *out = n;
    return true;
}

bool stringMember(const QJsonObject &body, const char *name, QString *out, HttpResponse *error)
{
    const QJsonValue v = body.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString()) {
        *error = awsJsonError(400, QStringLiteral("SerializationException"),
                              QStringLiteral("%1 must be a string").arg(QLatin1String(name)));
        return false;
    }
    *out = v.toString();
    if (out->isEmpty() || out->size() > 512) {
        *error = constraint(
            QLatin1String(name), *out,
            out->isEmpty() ? QStringLiteral("Member must have length greater than or equal to 1")
                           : QStringLiteral("Member must have length less than or equal to 512"));
        return false;
    }
    return true;
}

bool eventWindow(const QJsonObject &body, EventWindow *window, HttpResponse *error)
{
    return integerMember(body, "limit", 1, MaxEvents, &window->limit, error)
        && integerMember(body, "startTime", 0, Forever, &window->startTime, error)
        && integerMember(body, "endTime", 0, Forever, &window->endTime, error);
}

namespace {

// logStreamNames: optional, not with a prefix, 1 to 100 names of 1 to 512 characters.
bool readStreamNames(const QJsonObject &body, const QString &prefix, QStringList *names,
                     HttpResponse *error)
{
    const QJsonValue value = body.value(QLatin1String("logStreamNames"));
    if (value.isUndefined() || value.isNull())
        return true;
    if (!prefix.isEmpty()) {
        *error = invalidParameter(QStringLiteral(
            "logStreamNames and logStreamNamePrefix are mutually exclusive parameters."));
        return false;
    }
    if (!value.isArray()) {
        *error = awsJsonError(400, QStringLiteral("SerializationException"),
                              QStringLiteral("logStreamNames must be a list of strings"));
        return false;
    }
    const QJsonArray list = value.toArray();
    if (list.isEmpty() || list.size() > 100) {
        *error = constraint(QStringLiteral("logStreamNames"), QString::number(list.size()),
                            QStringLiteral("Member must have length between 1 and 100"));
        return false;
    }
    for (const QJsonValue &v : list) {
        if (!v.isString() || v.toString().isEmpty() || v.toString().size() > 512) {
            *error = invalidParameter(QStringLiteral("Every member of logStreamNames is a name "
                                                     "of 1 to 512 characters."));
            return false;
        }
        names->append(v.toString());
    }
    return true;
}

} // namespace

bool filterMembers(const QJsonObject &body, FilterMembers *f, HttpResponse *error)
{
    if (!eventWindow(body, &f->window, error)
        || !stringMember(body, "logStreamNamePrefix", &f->prefix, error)
        || !readStreamNames(body, f->prefix, &f->streamNames, error))
        return false;
    if (f->window.endTime < f->window.startTime) {
        *error = invalidParameter(QStringLiteral("endTime (%1) is before startTime (%2).")
                                      .arg(f->window.endTime)
                                      .arg(f->window.startTime));
        return false;
    }
    const QJsonValue patternValue = body.value(QLatin1String("filterPattern"));
    if (patternValue.isString())
        f->pattern = patternValue.toString();
    if (f->pattern.size() > 1024) {
        *error = constraint(QStringLiteral("filterPattern"),
                            f->pattern.left(40) + QStringLiteral("..."),
                            QStringLiteral("Member must have length less than or equal to 1024"));
        return false;
    }
    QString patternError;
    if (!f->filter.parse(f->pattern, &patternError)) {
        *error = invalidParameter(patternError);
        return false;
    }
    return true;
}

bool parseBody(const RoutedRequest &request, QJsonObject *body, HttpResponse *error)
{
    const QByteArray &raw = request.http->body;
    if (raw.trimmed().isEmpty()) {
        *body = {};
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(raw, &parseError);
    if (!doc.isObject()) {
        *error = awsJsonError(400, QStringLiteral("SerializationException"),
                              QStringLiteral("The request body is not a JSON object: %1")
                                  .arg(parseError.errorString()));
        return false;
    }
    *body = doc.object();
    return true;
}

bool describeMembers(const QJsonObject &body, qint64 *limit, QString *prefix, QString *orderBy,
                     HttpResponse *error)
{
    if (!integerMember(body, "limit", 1, 50, limit, error)
        || !stringMember(body, "logStreamNamePrefix", prefix, error))
        return false;
    *orderBy = body.value(QLatin1String("orderBy")).toString(QStringLiteral("LogStreamName"));
    if (*orderBy != QLatin1String("LogStreamName") && *orderBy != QLatin1String("LastEventTime")) {
        *error = constraint(QStringLiteral("orderBy"), *orderBy,
                            QStringLiteral("Member must satisfy enum value set: [LogStreamName, "
                                           "LastEventTime]"));
        return false;
    }
    if (*orderBy == QLatin1String("LastEventTime") && !prefix->isEmpty()) {
        *error = invalidParameter(
            QStringLiteral("Cannot order by LastEventTime with a logStreamNamePrefix."));
        return false;
    }
    return true;
}

bool groupMember(const QJsonObject &body, QString *groupName, HttpResponse *error)
{
    QString name;
    QString identifier;
    if (!stringMember(body, "logGroupName", &name, error))
        return false;
    const QJsonValue id = body.value(QLatin1String("logGroupIdentifier"));
    if (id.isString())
        identifier = id.toString();
    if (!name.isEmpty() && !identifier.isEmpty()) {
        *error = invalidParameter(QStringLiteral(
            "LogGroup name and LogGroup identifier are mutually exclusive parameters."));
        return false;
    }
    if (!identifier.isEmpty()) {
        // An ARN (arn:aws:logs:region:account:log-group:NAME[:*]) or a name.
        const qsizetype at = identifier.indexOf(QLatin1String(":log-group:"));
        name = at < 0 ? identifier : identifier.mid(at + 11);
        if (name.endsWith(QLatin1String(":*")))
            name.chop(2);
    }
    if (name.isEmpty()) {
        *error = invalidParameter(
            QStringLiteral("Either logGroupName or logGroupIdentifier must be specified."));
        return false;
    }
    static const QRegularExpression pattern(QStringLiteral("^[\\.\\-_/#A-Za-z0-9]+$"));
    if (!pattern.match(name).hasMatch()) {
        *error = constraint(QStringLiteral("logGroupName"), name,
                            QStringLiteral("Member must satisfy regular expression pattern: "
                                           "[\\.\\-_/#A-Za-z0-9]+"));
        return false;
    }
    *groupName = name;
    return true;
}

} // namespace syncdeck::emulator::logsmembers
