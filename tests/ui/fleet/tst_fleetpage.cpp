// The fleet view on the real emulator over TCP: rows attention first, tiles, filters, Enter
// opening a data source, a refresh that keeps the view, and the "entered failing" notice only
// on a change. The model runs under QAbstractItemModelTester throughout.
#include "aws/credentialsprovider.h"
#include "emulatorthread.h"
#include "fleet/fleetmodel.h"
#include "fleet/fleetpage.h"
#include "fleet/fleetproxymodel.h"
#include "fleet/fleettiles.h"
#include "qbusiness/client.h"
#include "signedhttp.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace syncdeck;
using fleet::Attention;
using fleet::FleetRow;
using ui::FleetModel;
using ui::FleetPage;

Q_DECLARE_METATYPE(syncdeck::qbusiness::ResourceReference)

namespace {

constexpr int Timeout = 120000;

FleetRow dataSourceRow(const QString &id, Attention attention, const QString &name = {})
{
    FleetRow r;
    r.region = QStringLiteral("us-east-1");
    r.applicationId = QStringLiteral("app");
    r.indexId = QStringLiteral("idx");
    r.dataSourceId = id;
    r.dataSourceName = name.isEmpty() ? id : name;
    r.health.attention = attention;
    r.health.reason = fleet::attentionName(attention);
    return r;
}

} // namespace

class TestFleetPage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void scansTheEmulatorFleet();
    void enteringFailingIsToldOnce();
    void markupAndRtlStayPlainText();

private:
    std::unique_ptr<test::EmulatorThread> m_emulator;
};

void TestFleetPage::initTestCase()
{
    qRegisterMetaType<qbusiness::ResourceReference>();
    emulator::Options o;
    o.seed = 5;
    o.applications = 4;
    o.dataSourcesPerIndex = 3;
    o.jobsPerDataSource = 30;
    o.fleetVariety = true;
    m_emulator = std::make_unique<test::EmulatorThread>(o);
    QString error;
    QVERIFY2(m_emulator->start(&error), qPrintable(error));
}

void TestFleetPage::scansTheEmulatorFleet()
{
    aws::StaticCredentialsProvider credentials {test::emulatorCredentials()};
    qbusiness::ClientConfig config;
    config.endpoint = m_emulator->url();
    config.region = QStringLiteral("us-east-1");
    qbusiness::Client client(config, &credentials);
    FleetPage page;
    QAbstractItemModelTester tester(page.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(page.proxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1400, 700);
    page.show();
    QSignalSpy finished(&page, &FleetPage::scanFinished);
    QSignalSpy activated(&page, &FleetPage::dataSourceActivated);
    QSignalSpy failing(&page, &FleetPage::dataSourceEnteredFailing);
    page.setClient(&client);
    QVERIFY(page.isScanning());
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(finished.constFirst().constFirst().toInt(), 9);

    // Nine data sources and the application that answered AccessDenied.
    FleetModel *model = page.model();
    QCOMPARE(model->rowCount(), 10);
    QVERIFY(model->count(Attention::Failing) >= 2);
    QCOMPARE(model->count(Attention::Overdue), 1);
    for (const Attention a :
         {Attention::Failing, Attention::Overdue, Attention::Running, Attention::Healthy})
        QCOMPARE(page.tiles()->count(a), model->count(a));
    // Attention first.
    QCOMPARE(page.proxy()->index(0, 0).data(FleetModel::AttentionRole).toInt(),
             int(Attention::Failing));
    int last = -1;
    for (int r = 0; r < page.proxy()->rowCount(); ++r) {
        const int a = page.proxy()->index(r, 0).data(FleetModel::AttentionRole).toInt();
        QVERIFY(a >= last);
        last = a;
    }

    // The Failing tile shows only failing rows; clicking it again shows all.
    QToolButton *failingTile = page.tiles()->tile(Attention::Failing);
    QTest::mouseClick(failingTile, Qt::LeftButton);
    QCOMPARE(page.proxy()->rowCount(), model->count(Attention::Failing));
    QTest::mouseClick(failingTile, Qt::LeftButton);
    QCOMPARE(page.proxy()->rowCount(), 10);
    // Text filter: every word must match.
    auto *filter = page.findChild<QLineEdit *>(QStringLiteral("fleetFilter"));
    QVERIFY(filter);
    filter->setText(QStringLiteral("no-such-data-source"));
    QCOMPARE(page.proxy()->rowCount(), 0);
    filter->setText(model->rowAt(0).region);
    QCOMPARE(page.proxy()->rowCount(), 10);
    filter->clear();

    // Enter on the top row asks for that data source's history.
    QTableView *table = page.table();
    table->setFocus();
    table->setCurrentIndex(page.proxy()->index(0, 1));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    const auto ids = activated.constFirst().constFirst().value<qbusiness::ResourceReference>();
    const FleetRow &top = model->rowAt(page.proxy()->mapToSource(page.proxy()->index(0, 0)).row());
    QCOMPARE(ids.dataSourceId, top.dataSourceId);
    QCOMPARE(ids.applicationId, top.applicationId);

    // A refresh updates in place: same rows, no reset, and nothing "entered failing".
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    page.refresh();
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(model->rowCount(), 10);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(failing.size(), 0);
    QVERIFY(page.hasScanned());

    // Stop mid-scan: the scan ends at once and the rows stay.
    page.refresh();
    QVERIFY(page.isScanning());
    page.cancel();
    QVERIFY(!page.isScanning());
    QCOMPARE(model->rowCount(), 10);
}

void TestFleetPage::enteringFailingIsToldOnce()
{
    FleetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy entered(&model, &FleetModel::attentionEntered);
    model.beginScan();
    model.upsert(dataSourceRow(QStringLiteral("a"), Attention::Failing)); // first sight: silent
    model.upsert(dataSourceRow(QStringLiteral("b"), Attention::Healthy));
    model.endScan(true);
    QCOMPARE(entered.size(), 0);
    model.beginScan();
    model.upsert(dataSourceRow(QStringLiteral("a"), Attention::Failing)); // still failing
    model.upsert(dataSourceRow(QStringLiteral("b"), Attention::Failing)); // enters failing
    model.endScan(true);
    QCOMPARE(entered.size(), 1);
    QCOMPARE(entered.constFirst().constFirst().value<FleetRow>().dataSourceId, QStringLiteral("b"));
    // A data source that is gone is removed by a complete scan, kept by a cancelled one.
    model.beginScan();
    model.upsert(dataSourceRow(QStringLiteral("a"), Attention::Failing));
    model.endScan(false);
    QCOMPARE(model.rowCount(), 2);
    model.beginScan();
    model.upsert(dataSourceRow(QStringLiteral("a"), Attention::Failing));
    model.endScan(true);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.count(Attention::Failing), 1);
    // No cell reads as nothing to a screen reader: a blank one (no type here) says "not
    // reported", so the values that follow stay under their columns; the sparkline keeps its words.
    for (int column = 0; column < model.columnCount(); ++column)
        QVERIFY(!model.index(0, column).data(Qt::AccessibleTextRole).toString().isEmpty());
    QCOMPARE(model.index(0, FleetModel::TypeColumn).data(Qt::AccessibleTextRole).toString(),
             QStringLiteral("not reported"));
    QVERIFY(model.index(0, FleetModel::RecentRunsColumn)
                .data(Qt::AccessibleTextRole)
                .toString()
                .contains(QLatin1String("runs seen")));
}

// Names come from the service: shown as given, never interpreted.
void TestFleetPage::markupAndRtlStayPlainText()
{
    FleetModel model;
    const QString markup = QStringLiteral("<b>wiki</b><img src=x>");
    const QString rtl = QStringLiteral("\u05de\u05e1\u05de\u05db\u05d9\u05dd \u202e-evil");
    model.beginScan();
    model.upsert(dataSourceRow(QStringLiteral("m"), Attention::Failing, markup));
    model.upsert(dataSourceRow(QStringLiteral("r"), Attention::Healthy, rtl));
    QCOMPARE(model.index(0, FleetModel::DataSourceColumn).data().toString(), markup);
    QCOMPARE(model.index(1, FleetModel::DataSourceColumn).data().toString(), rtl);
    // Tooltips hold service text too (IDs, the reason with a service's error message): Qt would
    // render one that looks like HTML, so none may read as markup.
    FleetRow hostile = dataSourceRow(markup, Attention::Failing);
    hostile.health.reason = markup;
    model.upsert(hostile);
    const int row = model.rowCount() - 1;
    for (const int column : {int(FleetModel::DataSourceColumn), int(FleetModel::ReasonColumn)}) {
        const QString tip = model.index(row, column).data(Qt::ToolTipRole).toString();
        QVERIFY2(!tip.contains(QLatin1String("<b>")) && tip.contains(QLatin1String("&lt;b&gt;")),
                 qPrintable(tip));
    }
    QTableView view;
    view.setModel(&model);
    view.resize(900, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    // The default delegate draws DisplayRole as plain text; painting must not crash on either.
    QVERIFY(!view.grab().isNull());
}

QTEST_MAIN(TestFleetPage)
#include "tst_fleetpage.moc"
