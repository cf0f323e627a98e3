#include "validator.h"

#include "aws/awstime.h"

#include <QRegularExpression>

#include <algorithm>

namespace syncdeck::emulator {

bool isModelId(const QString &value)
{
    static const QRegularExpression re(QStringLiteral("^%1$").arg(QLatin1String(IdPattern)));
    return re.match(value).hasMatch();
}

void Validator::id(const QString &name, const QString &value)
{
    if (value.size() < 36)
        add(name, value, QStringLiteral("Member must have length greater than or equal to 36"));
    else if (value.size() > 36)
        add(name, value, QStringLiteral("Member must have length less than or equal to 36"));
    else if (!isModelId(value))
        add(name, value,
            QStringLiteral("Member must satisfy regular expression pattern: %1")
                .arg(QLatin1String(IdPattern)));
}

int Validator::maxResults(const QString &name, const QString *value, int max)
{
    if (!value)
        return 0;
    bool ok = false;
    const qint64 n = value->toLongLong(&ok);
    if (!ok) {
        m_cannotParse = true;
        add(name, *value, QStringLiteral("Member must be an integer"));
        return 0;
    }
    if (n < 1)
        add(name, *value, QStringLiteral("Member must have value greater than or equal to 1"));
    else if (n > max)
        add(name, *value,
            QStringLiteral("Member must have value less than or equal to %1").arg(max));
    return int(std::clamp<qint64>(n, 1, max));
}

void Validator::nextToken(const QString *value)
{
    if (!value)
        return;
    if (value->isEmpty())
        add(QStringLiteral("nextToken"), *value,
            QStringLiteral("Member must have length greater than or equal to 1"));
    else if (value->size() > 800)
        add(QStringLiteral("nextToken"), *value,
            QStringLiteral("Member must have length less than or equal to 800"));
}

qint64 Validator::timestamp(const QString &name, const QString *value)
{
    if (!value)
        return -1;
    // Query timestamps are ISO 8601 date-times with a zone (rest-json).
    const std::optional<qint64> ms = aws::awstime::parseIso8601(*value);
    if (!ms) {
        m_cannotParse = true;
        add(name, *value,
            QStringLiteral("Member must be an ISO 8601 date-time such as 2024-05-01T12:00:00Z"));
        return -1;
    }
    return *ms;
}

void Validator::add(const QString &name, const QString &value, const QString &message)
{
    m_errors.append({name, message, value});
}

HttpResponse Validator::response() const
{
    return validationResponse(m_errors,
                              m_cannotParse ? QStringLiteral("CANNOT_PARSE")
                                            : QStringLiteral("FIELD_VALIDATION_FAILED"));
}

} // namespace syncdeck::emulator
