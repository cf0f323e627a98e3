#include "errorbanner.h"

#include "qbusiness/errorexplanation.h"

#include <utility>

namespace syncdeck::ui {

using qbusiness::AwsError;

ErrorBanner::ErrorBanner(QWidget *parent)
    : NotificationBanner(parent)
{
    connect(this, &NotificationBanner::actionTriggered, this, &ErrorBanner::retry);
    connect(this, &NotificationBanner::dismissed, this, [this] { m_retry = {}; });
}

void ErrorBanner::setCredentialsRefresh(std::function<void()> refresh)
{
    m_refreshCredentials = std::move(refresh);
}

void ErrorBanner::showError(const QString &title, const QString &message, const QString &nextStep,
                            Retry retry)
{
    QString text = message;
    if (!nextStep.isEmpty())
        text += QLatin1Char('\n') + tr("Next step: %1").arg(nextStep);
    present(title, text, std::move(retry));
}

void ErrorBanner::showAwsError(const QString &what, const AwsError &error, const QString &profile,
                               Retry retry)
{
    const qbusiness::ErrorExplanation e = qbusiness::explainAwsError(error, profile);
    QStringList lines;
    QString headline = e.summary;
    if (!error.code.isEmpty())
        headline = error.code
            + (error.httpStatus ? QStringLiteral(" (HTTP %1)").arg(error.httpStatus) : QString())
            + QStringLiteral(": ") + e.summary;
    lines << headline;
    if (!error.message.isEmpty())
        lines << error.message;
    lines << qbusiness::errorDetails(error);
    if (!e.nextStep.isEmpty())
        lines << tr("Next step: %1").arg(e.nextStep);
    if (!error.requestId.isEmpty())
        lines << tr("Request ID: %1").arg(error.requestId);
    if (retry && error.kind == AwsError::Kind::Credentials && m_refreshCredentials) {
        retry = [refresh = m_refreshCredentials, retry = std::move(retry)] {
            refresh();
            retry();
        };
    }
    present(what, lines.join(QLatin1Char('\n')), std::move(retry));
}

void ErrorBanner::clearError()
{
    m_retry = {};
    hide();
}

void ErrorBanner::present(const QString &title, const QString &text, Retry retry)
{
    m_retry = std::move(retry);
    showMessage(Kind::Error, title, text, m_retry ? tr("&Retry") : QString());
}

void ErrorBanner::retry()
{
    hide();
    if (auto retry = std::exchange(m_retry, {}))
        retry();
}

} // namespace syncdeck::ui
