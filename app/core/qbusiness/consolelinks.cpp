#include "consolelinks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrlQuery>

namespace syncdeck::qbusiness {
namespace {

// lupdate sees Text::tr() as the context "ConsoleLinks".
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleLinks)
};

QString consoleOrigin(const QString &region)
{
    // The console lives on a partition-specific host.
    if (region.startsWith(QLatin1String("cn-")))
        return QStringLiteral("https://%1.console.amazonaws.cn").arg(region);
    if (region.startsWith(QLatin1String("us-gov-")))
        return QStringLiteral("https://%1.console.amazonaws-us-gov.com").arg(region);
    return QStringLiteral("https://%1.console.aws.amazon.com").arg(region);
}

// CloudWatch's console encodes fragment path parts twice and writes '%' as '$'.
QString cloudWatchEscape(const QString &text)
{
    const QByteArray once = QUrl::toPercentEncoding(text);
    const QByteArray twice = QUrl::toPercentEncoding(QString::fromLatin1(once));
    return QString::fromLatin1(twice).replace(QLatin1Char('%'), QLatin1Char('$'));
}

} // namespace

QUrl dataSourceConsoleUrl(const QString &region, const QString &applicationId,
                          const QString &indexId, const QString &dataSourceId)
{
    QUrl url(consoleOrigin(region)
             + QStringLiteral("/amazonq/business/applications/%1/indices/%2/datasources/%3/details")
                   .arg(applicationId, indexId, dataSourceId));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("region"), region);
    url.setQuery(query);
    return url;
}

QString syncRunLogGroup(const QString &applicationId)
{
    return QStringLiteral("/aws/qbusiness/") + applicationId;
}

QString syncRunLogStream(const QString &dataSourceId, const QString &executionId)
{
    return QStringLiteral("SYNC_RUN_HISTORY_REPORT/%1/%2").arg(dataSourceId, executionId);
}

QUrl syncRunLogUrl(const QString &region, const QString &applicationId, const QString &dataSourceId,
                   const QString &executionId)
{
    const QString fragment = QStringLiteral("logsV2:log-groups/log-group/")
        + cloudWatchEscape(syncRunLogGroup(applicationId)) + QStringLiteral("/log-events/")
        + cloudWatchEscape(syncRunLogStream(dataSourceId, executionId));
    QUrl url(consoleOrigin(region) + QStringLiteral("/cloudwatch/home"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("region"), region);
    url.setQuery(query);
    url.setFragment(fragment, QUrl::DecodedMode);
    return url;
}

bool parseResourceReference(const QString &input, ResourceReference *out, QString *error)
{
    const QString text = input.trimmed();
    *out = {};
    if (text.isEmpty()) {
        *error = Text::tr("Enter a data source ARN, its console URL, or the application, index and "
                          "data source IDs.");
        return false;
    }
    if (text.startsWith(QLatin1String("arn:"))) {
        static const QRegularExpression arn(
            QStringLiteral("^arn:[a-z0-9-]+:qbusiness:([a-z0-9-]*):[0-9]*:application/(%1)"
                           "/index/(%1)/data-source/(%1)$")
                .arg(ResourceIdPattern));
        const QRegularExpressionMatch m = arn.match(text);
        if (!m.hasMatch()) {
            *error = Text::tr(
                "This ARN is not a Q Business data source ARN (expected "
                "arn:aws:qbusiness:REGION:ACCOUNT:application/ID/index/ID/data-source/ID).");
            return false;
        }
        *out = {m.captured(1), m.captured(2), m.captured(3), m.captured(4)};
        return true;
    }
    if (text.startsWith(QLatin1String("https://")) || text.startsWith(QLatin1String("http://"))) {
        const QUrl url(text);
        static const QRegularExpression path(
            QStringLiteral("/applications/(%1)/indices/(%1)/datasources/(%1)(/|$)")
                .arg(ResourceIdPattern));
        // Console URLs keep the route in the path or, in older layouts, in the fragment.
        QRegularExpressionMatch m = path.match(url.path());
        if (!m.hasMatch())
            m = path.match(url.fragment());
        if (!url.isValid() || !m.hasMatch()) {
            *error
                = Text::tr("This URL does not point at a Q Business data source (it should contain "
                           "/applications/ID/indices/ID/datasources/ID).");
            return false;
        }
        out->applicationId = m.captured(1);
        out->indexId = m.captured(2);
        out->dataSourceId = m.captured(3);
        out->region = QUrlQuery(url).queryItemValue(QStringLiteral("region"));
        if (out->region.isEmpty()) {
            const QString host = url.host();
            const int dot = host.indexOf(QLatin1Char('.'));
            if (dot > 0 && host.mid(dot).startsWith(QLatin1String(".console.")))
                out->region = host.left(dot);
        }
        return true;
    }
    static const QRegularExpression separators(QStringLiteral("[\\s,/]+"));
    const QStringList parts = text.split(separators, Qt::SkipEmptyParts);
    if (parts.size() != 3) {
        *error = Text::tr("Expected three IDs (application, index, data source), found %1.")
                     .arg(parts.size());
        return false;
    }
    for (const QString &p : parts) {
        if (!isResourceId(p)) {
            *error
                = Text::tr("\"%1\" is not a Q Business ID (36 letters, digits and dashes).").arg(p);
            return false;
        }
    }
    out->applicationId = parts.at(0);
    out->indexId = parts.at(1);
    out->dataSourceId = parts.at(2);
    return true;
}

} // namespace syncdeck::qbusiness
