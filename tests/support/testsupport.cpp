#include "testsupport.h"

#include <QJsonDocument>

#include "fakeqbusiness.h"

#include "emulator/options.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTest>

namespace syncdeck::test {

QByteArray explain(const ProcessRun &r)
{
    return "exit " + QByteArray::number(r.exitCode) + "\nstderr: " + r.err.left(3000)
        + "\nstdout: " + r.out.left(1000);
}

QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> items;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.isEmpty())
            items.append(QJsonDocument::fromJson(line).object());
    }
    return items;
}

namespace {
QString configuredSharedDir()
{
    return qEnvironmentVariable("SYNCDECK_SHARED_DIR");
}
} // namespace

QString sharedReferenceDir()
{
    const QString base = configuredSharedDir();
    if (base.isEmpty())
        return {};
    const QString reference = QDir(base).filePath(QStringLiteral("reference"));
    return QFileInfo(reference).isDir() ? QDir(reference).canonicalPath() : QString();
}

QString sharedReferenceMissingMessage()
{
    return QStringLiteral("AWS reference data not found (looked for %1/reference; set "
                          "SYNCDECK_SHARED_DIR or configure with -DSYNCDECK_SHARED_DIR=...)")
        .arg(configuredSharedDir().isEmpty() ? QStringLiteral("<SYNCDECK_SHARED_DIR unset>")
                                             : configuredSharedDir());
}

QProcessEnvironment isolatedAwsEnvironment(const QString &home,
                                           const QList<QPair<QString, QString>> &variables)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        if (key.startsWith(QLatin1String("AWS_"))
            || key.toLower().endsWith(QLatin1String("_proxy")))
            env.remove(key);
    }
    const QDir dir(home);
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
               dir.filePath(QStringLiteral("credentials")));
    for (const auto &[key, value] : variables)
        env.insert(key, value);
    return env;
}

QList<QPair<QString, QString>> emulatorKeyVariables()
{
    return {
        {QStringLiteral("AWS_ACCESS_KEY_ID"), QString::fromLatin1(emulator::DefaultAccessKeyId)},
        {QStringLiteral("AWS_SECRET_ACCESS_KEY"),
         QString::fromLatin1(emulator::DefaultSecretAccessKey)},
        {QStringLiteral("AWS_REGION"), QString::fromLatin1(emulator::DefaultRegion)}};
}

aws::Credentials fakeQBusinessCredentials(const QString &sessionToken)
{
    aws::Credentials c;
    c.accessKeyId = QString::fromLatin1(FakeQBusiness::AccessKeyId);
    c.secretAccessKey = aws::SecretString(QString::fromLatin1(FakeQBusiness::SecretAccessKey));
    if (!sessionToken.isEmpty())
        c.sessionToken = aws::SecretString(sessionToken);
    return c;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return false;
    return f.commit();
}

aws::CredentialsResult resolveNow(aws::CredentialsProvider *provider, int timeoutMs)
{
    if (std::optional<aws::CredentialsResult> r = aws::resolveBlocking(provider, timeoutMs))
        return *r;
    qWarning("no answer within %d ms", timeoutMs);
    return {{}, {aws::CredentialsError::Kind::Failed, QStringLiteral("no answer"), {}}};
}

void processQueuedEvents(int rounds)
{
    for (int i = 0; i < rounds; ++i) {
        QObject marker;
        bool ran = false;
        QMetaObject::invokeMethod(
            &marker, [&ran] { ran = true; }, Qt::QueuedConnection);
        // Posted events run in order: when the marker ran, so did everything posted before it.
        if (!QTest::qWaitFor([&ran] { return ran; }, 10000))
            qWarning("the event loop did not get to a queued call within 10 s");
    }
}

} // namespace syncdeck::test
