#include "qbusiness/exportjobs.h"
#include "synchistory.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace syncdeck::qbusiness;

namespace {
// An RFC 4180 reader (quoted fields, doubled quotes, CR/LF inside quotes, CRLF or LF rows) that
// fails loudly on malformed input instead of guessing.
QList<QStringList> parseCsv(const QString &text, QString *error)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false, fieldStarted = false, afterQuote = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u',') {
            row.append(field);
            field.clear();
            fieldStarted = afterQuote = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && (i + 1 >= text.size() || text[i + 1] != u'\n')) {
                *error = QStringLiteral("bare CR outside quotes at %1").arg(i);
                return {};
            }
            if (c == u'\r')
                ++i;
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            fieldStarted = afterQuote = false;
        } else if (c == u'"') {
            if (fieldStarted || afterQuote) {
                *error = QStringLiteral("stray quote at %1").arg(i);
                return {};
            }
            quoted = fieldStarted = true;
        } else {
            if (afterQuote) {
                *error = QStringLiteral("text after closing quote at %1").arg(i);
                return {};
            }
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        *error = QStringLiteral("unterminated quote");
        return {};
    }
    if (fieldStarted || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

QString unneutralise(const QString &cell)
{
    return cell.startsWith(u'\'') ? cell.mid(1) : cell;
}

std::optional<qint64> optionalNumber(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(v) : std::nullopt;
}

QDateTime parseIso(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

QList<SyncJob> tricky()
{
    QList<SyncJob> jobs = syncdeck::test::generateSyncHistory(40, 11);
    const QStringList nasty = {
        QStringLiteral("=HYPERLINK(\"http://evil\",\"x\")"),
        QStringLiteral("+1+1"),
        QStringLiteral("-2+3"),
        QStringLiteral("@SUM(A1:A2)"),
        QStringLiteral("\tindented"),
        QStringLiteral("\rcarriage"),
        QStringLiteral("'already quoted"),
        QStringLiteral("comma, \"quotes\"\r\nand two\nlines"),
        QStringLiteral("unicode: Grüße — 東京"),
    };
    for (int i = 0; i < nasty.size(); ++i) {
        jobs[i].errorMessage = nasty[i];
        jobs[i].errorCode = QStringLiteral("InvalidRequest");
    }
    jobs[20].status = QStringLiteral("SOME_FUTURE_STATUS");
    jobs[21].metrics = {};
    jobs[22].startTime = QDateTime(QDate(2025, 5, 1), QTime(12, 0, 0, 250), QTimeZone::utc());
    jobs[22].endTime = QDateTime();
    return jobs;
}
} // namespace

class TestExportJobs : public QObject
{
    Q_OBJECT
private slots:
    void csvRoundTrip();
    void jsonRoundTrip();
    void jsonHasCliShape();
    void isoTimestamps_data();
    void isoTimestamps();
    void reportsUnwritablePath();
    void replacesWholeFile();
};

void TestExportJobs::csvRoundTrip()
{
    const QList<SyncJob> jobs = tricky();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("jobs.csv"));
    QString error;
    QVERIFY2(exportJobs(path, jobs, JobExportFormat::Csv, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.endsWith(QStringLiteral("\r\n")));
    const QList<QStringList> rows = parseCsv(text, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rows.size(), jobs.size() + 1);
    QCOMPARE(rows.first(), csvExportColumns());
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows[r];
        QCOMPARE(row.size(), csvExportColumns().size());
        for (const QString &cell : row) {
            // Nothing a spreadsheet would evaluate.
            QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()),
                     qPrintable(cell));
        }
        SyncJob back;
        back.executionId = unneutralise(row[0]);
        back.status = unneutralise(row[1]);
        back.startTime = parseIso(row[2]);
        back.endTime = parseIso(row[3]);
        back.metrics.documentsAdded = optionalNumber(row[5]);
        back.metrics.documentsModified = optionalNumber(row[6]);
        back.metrics.documentsDeleted = optionalNumber(row[7]);
        back.metrics.documentsFailed = optionalNumber(row[8]);
        back.metrics.documentsScanned = optionalNumber(row[9]);
        back.errorCode = unneutralise(row[10]);
        back.errorMessage = unneutralise(row[11]);
        back.dataSourceErrorCode = unneutralise(row[12]);
        const SyncJob &original = jobs[r - 1];
        QCOMPARE(back, original);
        if (original.startTime.isValid() && original.endTime.isValid())
            QCOMPARE(row[4].toLongLong(), original.startTime.secsTo(original.endTime));
        else
            QVERIFY(row[4].isEmpty());
    }
}

void TestExportJobs::jsonRoundTrip()
{
    const QList<SyncJob> jobs = tricky();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.json"));
    QString error;
    QVERIFY2(exportJobs(path, jobs, JobExportFormat::Json, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonArray history = doc.object().value(QStringLiteral("history")).toArray();
    QCOMPARE(history.size(), jobs.size());
    for (qsizetype i = 0; i < history.size(); ++i) {
        const QJsonObject o = history[i].toObject();
        SyncJob back;
        back.executionId = o.value(QStringLiteral("executionId")).toString();
        back.status = o.value(QStringLiteral("status")).toString();
        back.startTime = parseIso(o.value(QStringLiteral("startTime")).toString());
        back.endTime = parseIso(o.value(QStringLiteral("endTime")).toString());
        const QJsonObject err = o.value(QStringLiteral("error")).toObject();
        back.errorCode = err.value(QStringLiteral("errorCode")).toString();
        back.errorMessage = err.value(QStringLiteral("errorMessage")).toString();
        back.dataSourceErrorCode = o.value(QStringLiteral("dataSourceErrorCode")).toString();
        const QJsonObject m = o.value(QStringLiteral("metrics")).toObject();
        auto metric = [&m](const char *name) -> std::optional<qint64> {
            const QJsonValue v = m.value(QLatin1String(name));
            if (v.isUndefined())
                return std::nullopt;
            // Metrics are strings of digits, as the service sends them.
            if (!v.isString())
                return -999;
            return optionalNumber(v.toString());
        };
        back.metrics.documentsAdded = metric("documentsAdded");
        back.metrics.documentsModified = metric("documentsModified");
        back.metrics.documentsDeleted = metric("documentsDeleted");
        back.metrics.documentsFailed = metric("documentsFailed");
        back.metrics.documentsScanned = metric("documentsScanned");
        QCOMPARE(back, jobs[i]);
    }
}

void TestExportJobs::jsonHasCliShape()
{
    SyncJob job;
    job.executionId = syncdeck::test::executionIdFor(1, 1);
    job.startTime = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    job.status = QStringLiteral("SYNCING");
    job.metrics.documentsScanned = 12;
    const QJsonObject root = QJsonDocument::fromJson(jobsToJson({job})).object();
    QCOMPARE(root.keys(), QStringList {QStringLiteral("history")});
    const QJsonObject o = root.value(QStringLiteral("history")).toArray().first().toObject();
    QCOMPARE(o.value(QStringLiteral("startTime")).toString(),
             QStringLiteral("2024-05-01T12:00:00Z"));
    QVERIFY(!o.contains(QStringLiteral("endTime")));
    QVERIFY(!o.contains(QStringLiteral("error")));
    QCOMPARE(o.value(QStringLiteral("metrics")).toObject(),
             QJsonObject({{QStringLiteral("documentsScanned"), QStringLiteral("12")}}));
    QCOMPARE(QJsonDocument::fromJson(jobsToJson({})).object().value(QStringLiteral("history")),
             QJsonValue(QJsonArray()));
}

void TestExportJobs::isoTimestamps_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("expected");
    QTest::newRow("whole seconds") << QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc())
                                   << QStringLiteral("2024-05-01T12:00:00Z");
    QTest::newRow("milliseconds") << QDateTime(QDate(2024, 5, 1), QTime(12, 0, 1, 5),
                                               QTimeZone::utc())
                                  << QStringLiteral("2024-05-01T12:00:01.005Z");
    QTest::newRow("offset converted to UTC")
        << QDateTime(QDate(2024, 5, 1), QTime(14, 0), QTimeZone(7200))
        << QStringLiteral("2024-05-01T12:00:00Z");
    QTest::newRow("invalid") << QDateTime() << QString();
}

void TestExportJobs::isoTimestamps()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, expected);
    QCOMPARE(isoUtc(time), expected);
}

void TestExportJobs::reportsUnwritablePath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/folder/jobs.csv"));
    QString error;
    QVERIFY(
        !exportJobs(path, syncdeck::test::generateSyncHistory(3), JobExportFormat::Csv, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("Choose a folder")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void TestExportJobs::replacesWholeFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("jobs.json"));
    QString error;
    QVERIFY(
        exportJobs(path, syncdeck::test::generateSyncHistory(50), JobExportFormat::Json, &error));
    QVERIFY(
        exportJobs(path, syncdeck::test::generateSyncHistory(2), JobExportFormat::Json, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll())
                 .object()
                 .value(QStringLiteral("history"))
                 .toArray()
                 .size(),
             2);
    // No temporary files left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("jobs.json")});
}

QTEST_GUILESS_MAIN(TestExportJobs)
#include "tst_exportjobs.moc"
