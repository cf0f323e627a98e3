#pragma once

#include "credentials.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace syncdeck::aws {

// Why credentials could not be had, said so that a person can act on it.
struct CredentialsError
{
    enum class Kind {
        None,
        NotFound, // nothing configured where we looked
        Expired, // e.g. an SSO token that needs `aws sso login`
        NeedsInput, // an MFA code, or keys typed into the GUI
        Failed, // a helper process, STS or the SSO portal failed
    };
    Kind kind = Kind::None;
    QString message; // what went wrong, naming the profile, file or variable
    QString nextStep; // what to do about it, e.g. "Run `aws sso login --profile dev`, then Retry."

    bool isError() const { return kind != Kind::None; }
};

struct CredentialsResult
{
    Credentials credentials;
    CredentialsError error;
};

// Source of credentials for signing. Asynchronous: resolve() never blocks, and calls `done`
// exactly once, later, on the thread of `context` (never if `context` is destroyed first).
// Implementations cache and refresh 15 minutes before expiry.
class CredentialsProvider : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CredentialsResult &)>;
    using QObject::QObject;

    virtual void resolve(QObject *context, Callback done) = 0;
    // Forget cached credentials, e.g. after the service rejected them or the user pressed Retry.
    virtual void invalidate() { }
    // Short human description for status lines: "profile dev (SSO)", "environment".
    virtual QString description() const = 0;
};

// Resolves on a local event loop, for command-line tools and tests that must wait: the result,
// or nothing when `guardMs` passed first. Providers bound their own work (processes, STS, SSO);
// the guard only keeps a bug from hanging the caller.
std::optional<CredentialsResult> resolveBlocking(CredentialsProvider *provider, int guardMs);

// Fixed credentials: the emulator's demo keys, keys typed into the GUI, tests.
class StaticCredentialsProvider final : public CredentialsProvider
{
    Q_OBJECT
public:
    explicit StaticCredentialsProvider(Credentials credentials, QObject *parent = nullptr);

    void resolve(QObject *context, Callback done) override;
    QString description() const override;

private:
    Credentials m_credentials;
};

} // namespace syncdeck::aws
