#include "launchoptions.h"

#include "qbusiness/consolelinks.h"
#include "qbusiness/types.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

namespace syncdeck::ui {
namespace {

// lupdate sees Text::tr() as the context "LaunchOptions".
class Text
{
    Q_DECLARE_TR_FUNCTIONS(LaunchOptions)
};

// ISO 8601 as the AWS CLI accepts it: a date, or a date and time with Z or an offset (local
// time when neither is given), or epoch seconds.
QDateTime parseTime(const QString &text)
{
    bool isNumber = false;
    const double seconds = text.toDouble(&isNumber);
    if (isNumber)
        return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000), QTimeZone::utc());
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), QTimeZone::utc());
    }
    return t;
}

} // namespace

bool parseLaunchOptions(const QStringList &arguments, LaunchOptions *out, LaunchParse *parse,
                        QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Dashboard for Amazon Q Business data source sync jobs."));
    const QCommandLineOption help(QStringList {QStringLiteral("h"), QStringLiteral("help")},
                                  Text::tr("Show this help."));
    const QCommandLineOption version(QStringList {QStringLiteral("v"), QStringLiteral("version")},
                                     Text::tr("Show the version."));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        Text::tr("Open on the built-in demo service (no AWS account needed)."));
    const QCommandLineOption demoState(QStringLiteral("demo-state"),
                                       Text::tr("Serve exactly this fixture in the demo service."),
                                       Text::tr("file"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     Text::tr("Use this profile of ~/.aws."), Text::tr("name"));
    const QCommandLineOption region(QStringLiteral("region"), Text::tr("Use this region."),
                                    Text::tr("region"));
    const QCommandLineOption endpoint(QStringLiteral("endpoint-url"),
                                      Text::tr("Send requests to this endpoint instead."),
                                      Text::tr("url"));
    const QCommandLineOption app(QStringLiteral("application-id"),
                                 Text::tr("Open this application."), Text::tr("id"));
    const QCommandLineOption index(QStringLiteral("index-id"), Text::tr("Open this index."),
                                   Text::tr("id"));
    const QCommandLineOption ds(QStringLiteral("data-source-id"),
                                Text::tr("Open this data source."), Text::tr("id"));
    const QCommandLineOption status(QStringLiteral("status-filter"),
                                    Text::tr("Show only runs with this status (e.g. FAILED)."),
                                    Text::tr("status"));
    const QCommandLineOption start(
        QStringLiteral("start-time"),
        Text::tr("Show runs that started at or after this time (ISO 8601)."), Text::tr("time"));
    const QCommandLineOption end(QStringLiteral("end-time"),
                                 Text::tr("Show runs that started before this time (ISO 8601)."),
                                 Text::tr("time"));
    const QCommandLineOption cacheDir(
        QStringLiteral("cache-dir"),
        Text::tr("Keep the history cache in this folder (default: the settings, else the user's "
                 "cache folder)."),
        Text::tr("dir"));
    parser.addOptions({help, version, demo, demoState, profile, region, endpoint, app, index, ds,
                       status, start, end, cacheDir});
    if (!parser.parse(arguments)) {
        *error = parser.errorText() + QLatin1Char('\n')
            + Text::tr("Run syncdeck --help for the options.");
        return false;
    }
    parse->helpText = parser.helpText();
    parse->helpRequested = parser.isSet(help);
    parse->versionRequested = parser.isSet(version);
    if (!parser.positionalArguments().isEmpty()) {
        *error = Text::tr("Unexpected argument \"%1\". Run syncdeck --help for the options.")
                     .arg(parser.positionalArguments().constFirst());
        return false;
    }

    LaunchOptions o;
    o.demo = parser.isSet(demo);
    o.demoStatePath = parser.value(demoState);
    o.profile = parser.value(profile);
    o.region = parser.value(region);
    o.endpointUrl = parser.value(endpoint);
    o.cacheDirectory = parser.value(cacheDir).trimmed();
    if (parser.isSet(cacheDir) && o.cacheDirectory.isEmpty()) {
        *error = Text::tr("--cache-dir needs a folder.");
        return false;
    }
    o.applicationId = parser.value(app);
    o.indexId = parser.value(index);
    o.dataSourceId = parser.value(ds);
    o.statusFilter = parser.value(status).trimmed();
    if (o.demo && !o.profile.isEmpty()) {
        *error = Text::tr("--demo and --profile exclude each other: the demo has its own keys.");
        return false;
    }
    if (!o.demoStatePath.isEmpty() && !o.demo) {
        *error = Text::tr("--demo-state needs --demo.");
        return false;
    }
    const bool anyId
        = !o.applicationId.isEmpty() || !o.indexId.isEmpty() || !o.dataSourceId.isEmpty();
    if (anyId) {
        const struct
        {
            const char *option;
            QString value;
        } ids[] = {{"--application-id", o.applicationId},
                   {"--index-id", o.indexId},
                   {"--data-source-id", o.dataSourceId}};
        for (const auto &id : ids) {
            if (id.value.isEmpty()) {
                *error = Text::tr("%1 is missing: give --application-id, --index-id and "
                                  "--data-source-id together.")
                             .arg(QLatin1String(id.option));
                return false;
            }
            if (!qbusiness::isResourceId(id.value)) {
                *error
                    = Text::tr("%1 \"%2\" is not a Q Business ID (36 letters, digits and dashes).")
                          .arg(QLatin1String(id.option), id.value);
                return false;
            }
        }
    }
    if (!o.statusFilter.isEmpty()) {
        static const QRegularExpression token(QStringLiteral("^[A-Z][A-Z_]*$"));
        if (!token.match(o.statusFilter).hasMatch()) {
            QStringList known;
            for (qbusiness::SyncStatus s : qbusiness::knownSyncStatuses())
                known << qbusiness::syncStatusToWire(s);
            *error = Text::tr("--status-filter \"%1\" is not a status; use one of %2.")
                         .arg(o.statusFilter, known.join(QStringLiteral(", ")));
            return false;
        }
    }
    for (const auto &[option, target] :
         {std::pair {&start, &o.startTime}, std::pair {&end, &o.endTime}}) {
        if (!parser.isSet(*option))
            continue;
        *target = parseTime(parser.value(*option));
        if (!target->isValid()) {
            *error = Text::tr("--%1 \"%2\" is not a time; use ISO 8601, e.g. 2024-05-01T12:00:00Z.")
                         .arg(option->names().constFirst(), parser.value(*option));
            return false;
        }
    }
    if (o.startTime.isValid() && o.endTime.isValid() && o.endTime <= o.startTime) {
        *error = Text::tr("--end-time must be after --start-time.");
        return false;
    }
    *out = o;
    return true;
}

} // namespace syncdeck::ui
