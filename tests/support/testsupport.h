#pragma once

#include "aws/credentials.h"
#include "aws/credentialsprovider.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>

// Helpers every test folder shares, written once.
namespace syncdeck::test {

// What a child process (syncdeck-cli, syncdeck-emulator) printed and how it ended.
struct ProcessRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
// "exit N", then stderr and stdout (cut to a readable length), for a failed check's message.
QByteArray explain(const ProcessRun &r);
// The JSON objects of JSON Lines output, one per non-empty line.
QList<QJsonObject> jsonLines(const QByteArray &out);

// The folder with AWS reference data (shared/reference), or an empty string when it is absent:
// tests that need it QSKIP with a message naming the folder they looked in.
QString sharedReferenceDir();
// A message for QSKIP when sharedReferenceDir() is empty.
QString sharedReferenceMissingMessage();

// This process's environment without any AWS_ or *_proxy variable of the machine running the
// tests, with HOME, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE in `home` (a temporary
// folder), plus `variables`.
QProcessEnvironment isolatedAwsEnvironment(const QString &home,
                                           const QList<QPair<QString, QString>> &variables = {});
// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_REGION of the emulator's default keys.
QList<QPair<QString, QString>> emulatorKeyVariables();
// The keys tests/support's FakeQBusiness accepts, with a session token when given.
aws::Credentials fakeQBusinessCredentials(const QString &sessionToken = {});

// Writes a whole file (config files, fixtures, scripts), creating its folder. False on error.
[[nodiscard]] bool writeFile(const QString &path, const QByteArray &bytes);

// The provider's answer, waited for on the test's event loop (bounded: a "no answer" error after
// timeoutMs).
aws::CredentialsResult resolveNow(aws::CredentialsProvider *provider, int timeoutMs = 30000);

// Runs every event posted so far (queued signals, invokeMethod calls), and what they post in
// turn, `rounds` deep. Before asserting that something queued did NOT happen, this replaces a
// fixed wait: it is deterministic and as long as it needs to be.
void processQueuedEvents(int rounds = 3);

} // namespace syncdeck::test
