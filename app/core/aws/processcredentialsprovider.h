#pragma once

#include "cachingcredentialsprovider.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTimer>

#include <memory>

namespace syncdeck::aws {

// credential_process: runs the configured helper without a shell (arguments split like a shell
// would), reads `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?,
// "Expiration"?}` from its stdout, and reports its stderr when it fails. Asynchronous (QProcess
// signals), bounded by a timeout.
class ProcessCredentialsProvider final : public CachingCredentialsProvider
{
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutMs = 60000;

    ProcessCredentialsProvider(QString profile, QString command, QString location,
                               QProcessEnvironment environment, QObject *parent = nullptr);
    ~ProcessCredentialsProvider() override;

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    QString description() const override;

    // Parses the helper's stdout (public for the parser tests).
    static CredentialsResult parseOutput(const QByteArray &json);

protected:
    void fetch() override;

private:
    void processFinished(int exitCode, QProcess::ExitStatus status);
    void processFailed(QProcess::ProcessError error);
    void timedOut();
    void finish(const CredentialsResult &result);
    CredentialsError failure(const QString &message) const;

    QString m_profile;
    QString m_command;
    QString m_location;
    QProcessEnvironment m_environment;
    int m_timeoutMs = DefaultTimeoutMs;
    std::unique_ptr<QProcess> m_process;
    QTimer m_timer;
};

} // namespace syncdeck::aws
