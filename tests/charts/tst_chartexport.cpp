// Chart and run exports from the charts panel: the title line (chart, data source, time range,
// time zone), PNG and vector SVG written whole or not at all, the names proposed, the runs newest
// first. Real files in a temporary folder.
#include "chartfixtures.h"
#include "charts/chartspanel.h"
#include "charts/metricschartview.h"
#include "qbusiness/runhistory.h"
#include "synchistory.h"
#include "widgets/filedialog.h"

#include <QAction>
#include <QDateTimeAxis>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

using namespace syncdeck::qbusiness;
using syncdeck::test::Epoch;
using syncdeck::test::feedPages;
using syncdeck::test::runs;
using syncdeck::test::shownPanel;
using syncdeck::ui::ChartsPanel;
using syncdeck::ui::charts::ImageFormat;

class TestChartExport : public QObject
{
    Q_OBJECT
private slots:
    void exportsCharts_data();
    void exportsCharts();
    void exportTitleSaysWhatWhereAndWhen();
    void exportProposesANameWithTheDataSource();
    void exportsRunsNewestFirst();
};

void TestChartExport::exportsCharts_data()
{
    QTest::addColumn<ChartsPanel::Chart>("chart");
    QTest::addColumn<ImageFormat>("format");
    QTest::newRow("metrics png") << ChartsPanel::Chart::Metrics << ImageFormat::Png;
    QTest::newRow("metrics svg") << ChartsPanel::Chart::Metrics << ImageFormat::Svg;
    QTest::newRow("timeline png") << ChartsPanel::Chart::Timeline << ImageFormat::Png;
    QTest::newRow("timeline svg") << ChartsPanel::Chart::Timeline << ImageFormat::Svg;
}

void TestChartExport::exportsCharts()
{
    QFETCH(ChartsPanel::Chart, chart);
    QFETCH(ImageFormat, format);
    auto panel = shownPanel();
    QVERIFY(panel);
    if (chart == ChartsPanel::Chart::Timeline)
        panel->tabs()->setCurrentIndex(1); // exported as shown
    feedPages(panel->model(), syncdeck::test::generateSyncHistory(300, 2));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    // A name from the service, markup and all: it is text in the file, never markup.
    const QString dataSource = QStringLiteral("Sales & <b>wiki</b>");
    panel->setDataSourceName(dataSource);
    const QString title = panel->exportTitle(chart);
    QVERIFY2(title.contains(dataSource), qPrintable(title));
    QTemporaryDir dir;
    const QString path = dir.filePath(format == ImageFormat::Png ? QStringLiteral("c.png")
                                                                 : QStringLiteral("c.svg"));
    QString error;
    QVERIFY2(panel->exportChart(chart, path, format, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    const QSize chartSize = panel->chartWidget(chart)->size();
    if (format == ImageFormat::Png) {
        QImageReader reader(path);
        QCOMPARE(reader.text(QStringLiteral("Title")), title);
        const QImage image = reader.read();
        QVERIFY(!image.isNull());
        // The chart under a title line: as wide, taller by the line, and the line has ink.
        const QSize size = (QSizeF(image.size()) / image.devicePixelRatio()).toSize();
        QCOMPARE(size.width(), chartSize.width());
        const int band = size.height() - chartSize.height();
        QVERIFY2(band >= 16 && band < 80, qPrintable(QString::number(band)));
        const QRgb background = image.pixel(0, 0);
        int ink = 0;
        for (int y = 0; y < int(band * image.devicePixelRatio()); ++y) {
            for (int x = 0; x < image.width(); ++x)
                ink += image.pixel(x, y) != background ? 1 : 0;
        }
        QVERIFY2(ink > 200, qPrintable(QString::number(ink)));
    } else {
        QVERIFY(data.contains("<svg"));
        QVERIFY(data.contains("</svg>"));
        // Vector: the plot is drawn in paths and text elements, not one embedded image of it.
        QVERIFY2(!data.contains("<image"), data.left(2000).constData());
        QVERIFY(data.count("<path") + data.count("<polyline") > 10);
        QVERIFY(data.count("<text") > 10);
        const QString svg = QString::fromUtf8(data);
        QVERIFY(svg.contains(QStringLiteral("<title>") + title.toHtmlEscaped()));
        QVERIFY(svg.contains(dataSource.toHtmlEscaped()));
        QVERIFY(!svg.contains(dataSource));
        // The axes' labels are text a reader can search.
        const QString tick = panel->metricsChart()->timeAxis()->min().toString(
            panel->metricsChart()->timeAxis()->format());
        QVERIFY2(chart == ChartsPanel::Chart::Timeline || svg.contains(tick), qPrintable(tick));
    }
    // An impossible path fails with a message and leaves nothing behind.
    const QString bad = dir.filePath(QStringLiteral("no/such/dir/c.png"));
    QVERIFY(!panel->exportChart(chart, bad, format, &error));
    QVERIFY2(error.contains(bad), qPrintable(error));
    QVERIFY(!QFile::exists(bad));
}

void TestChartExport::exportTitleSaysWhatWhereAndWhen()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    feedPages(panel->model(), runs(QStringLiteral("SSFSSFS")));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    // The data source by the name the window gives (its ID when it has no name).
    const QString id = QStringLiteral("a1b2c3d4-0000-4000-8000-000000000001");
    panel->setDataSourceName(id);
    const QString metrics = panel->exportTitle(ChartsPanel::Chart::Metrics);
    QVERIFY2(metrics.startsWith(QStringLiteral("Documents per run")), qPrintable(metrics));
    QVERIFY2(metrics.contains(id), qPrintable(metrics));
    // The time range the axis shows, in the local time it shows, and which zone that is.
    const QDateTimeAxis *axis = panel->metricsChart()->timeAxis();
    const auto local = [](const QDateTime &t) {
        return t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    QVERIFY2(metrics.contains(local(axis->min()) + QStringLiteral(" to ") + local(axis->max())),
             qPrintable(metrics));
    QVERIFY(axis->min() <= Epoch && axis->max() >= Epoch.addSecs(6 * 3600));
    const QTimeZone zone = QTimeZone::systemTimeZone();
    QVERIFY2(metrics.contains(QStringLiteral("time zone ")), qPrintable(metrics));
    QVERIFY2(metrics.contains(QString::fromUtf8(zone.id()))
                 || metrics.contains(zone.displayName(axis->min(), QTimeZone::OffsetName)),
             qPrintable(metrics));
    panel->setDataSourceName(QStringLiteral("Sales wiki"));
    const QString timeline = panel->exportTitle(ChartsPanel::Chart::Timeline);
    QVERIFY2(timeline.startsWith(QStringLiteral("Run status and duration · Sales wiki · ")),
             qPrintable(timeline));
}

void TestChartExport::exportProposesANameWithTheDataSource()
{
    auto panel = shownPanel();
    QVERIFY(panel);
    feedPages(panel->model(), runs(QStringLiteral("SSFS")));
    QVERIFY(syncdeck::test::drawn(panel.get()));
    const QDateTime now(QDate(2025, 6, 3), QTime(9, 41), QTimeZone::utc());
    panel->setClock([now] { return now; });
    panel->setDataSourceName(QStringLiteral("Sales wiki: EU/West"));
    auto *button = panel->findChild<QToolButton *>(QStringLiteral("exportButton"));
    QVERIFY(button && button->menu());
    const auto trigger = [button](const QString &text) {
        for (QAction *a : button->menu()->actions()) {
            if (a->text() == text) {
                a->trigger();
                return true;
            }
        }
        return false;
    };
    QTemporaryDir dir;
    const QString stamp = now.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmm"));
    // The user picks only the folder: the name proposed is the name written.
    syncdeck::ui::fileDialog()->setNextFolder(dir.path());
    QVERIFY(trigger(QStringLiteral("Chart as PNG…")));
    QVERIFY(QFile::exists(
        dir.filePath(QStringLiteral("syncdeck-Sales-wiki-EU-West-documents-%1.png").arg(stamp))));
    panel->tabs()->setCurrentIndex(1);
    syncdeck::ui::fileDialog()->setNextFolder(dir.path());
    QVERIFY(trigger(QStringLiteral("Chart as SVG…")));
    QVERIFY(QFile::exists(dir.filePath(
        QStringLiteral("syncdeck-Sales-wiki-EU-West-status-duration-%1.svg").arg(stamp))));
    // The runs, with the data source and the date of the export.
    const QDateTime before = QDateTime::currentDateTime().addSecs(-60);
    syncdeck::ui::fileDialog()->setNextFolder(dir.path());
    QVERIFY(trigger(QStringLiteral("Runs as CSV…")));
    const QStringList csv = QDir(dir.path()).entryList({QStringLiteral("*.csv")});
    QCOMPARE(csv.size(), 1);
    const QRegularExpression pattern(
        QStringLiteral("^syncdeck-Sales-wiki-EU-West-jobs-(\\d{8}-\\d{4})\\.csv$"));
    const QRegularExpressionMatch match = pattern.match(csv.first());
    QVERIFY2(match.hasMatch(), qPrintable(csv.first()));
    const QDateTime written
        = QDateTime::fromString(match.captured(1), QStringLiteral("yyyyMMdd-HHmm"));
    QVERIFY2(written >= before && written <= QDateTime::currentDateTime(),
             qPrintable(match.captured(1)));
}

void TestChartExport::exportsRunsNewestFirst()
{
    ChartsPanel panel; // works without being shown
    const QList<SyncJob> jobs = runs(QStringLiteral("SSFSR"));
    feedPages(panel.model(), jobs, 2);
    QVERIFY(syncdeck::test::drawn(&panel));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("runs.json"));
    QString error;
    QVERIFY2(panel.exportRuns(path, JobExportFormat::Json, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray history = QJsonDocument::fromJson(file.readAll())
                                   .object()
                                   .value(QStringLiteral("history"))
                                   .toArray();
    QCOMPARE(history.size(), jobs.size());
    for (qsizetype i = 0; i < jobs.size(); ++i)
        QCOMPARE(history[i].toObject().value(QStringLiteral("executionId")).toString(),
                 jobs[i].executionId);
}

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
