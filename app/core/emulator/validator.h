#pragma once

#include "httpmessage.h"
#include "responses.h"

#include <QList>
#include <QString>

// The service model's input constraints, checked and phrased as AWS phrases them
// ("Member must have length greater than or equal to 36").
namespace syncdeck::emulator {

// The model's pattern of Q Business ids ([a-zA-Z0-9][a-zA-Z0-9-]{35}), for requests and fixtures.
inline constexpr char IdPattern[] = "[a-zA-Z0-9][a-zA-Z0-9-]{35}";
bool isModelId(const QString &value);

// Collects the violations of one request; response() is the ValidationException to answer.
class Validator
{
public:
    void id(const QString &name, const QString &value);
    // Returns the value clamped to 1..max, or 0 when absent.
    int maxResults(const QString &name, const QString *value, int max);
    void nextToken(const QString *value);
    // Epoch milliseconds; -1 when absent or invalid.
    qint64 timestamp(const QString &name, const QString *value);
    void add(const QString &name, const QString &value, const QString &message);

    bool ok() const { return m_errors.isEmpty(); }
    HttpResponse response() const;

private:
    QList<FieldError> m_errors;
    bool m_cannotParse = false;
};

} // namespace syncdeck::emulator
