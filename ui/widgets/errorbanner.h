#pragma once

#include "notificationbanner.h"
#include "qbusiness/awserror.h"

#include <functional>

namespace syncdeck::ui {

// The window's error banner: what failed in plain words, the next step, and Retry when the
// caller can try again. The retry is given with the error it belongs to, so the banner never
// offers the retry of an earlier error (or none where one was meant).
class ErrorBanner : public NotificationBanner
{
    Q_OBJECT
public:
    using Retry = std::function<void()>;

    explicit ErrorBanner(QWidget *parent = nullptr);

    // Runs before the Retry of a credentials error, so that it reads the credentials afresh
    // (after `aws sso login` or a key fix).
    void setCredentialsRefresh(std::function<void()> refresh);

    void showError(const QString &title, const QString &message, const QString &nextStep,
                   Retry retry = {});
    // The error explained: code (HTTP status), what it means, the service's message, the next
    // step (naming `profile` where it helps) and the request ID.
    void showAwsError(const QString &what, const qbusiness::AwsError &error, const QString &profile,
                      Retry retry = {});
    // Hides the banner and forgets its retry.
    void clearError();

private:
    void present(const QString &title, const QString &text, Retry retry);
    void retry();

    Retry m_retry;
    std::function<void()> m_refreshCredentials;
};

} // namespace syncdeck::ui
