// The window against a broken or hostile Q Business, over real TCP: a handler server answers as
// FakeQBusiness does, except where a test makes it loop its page tokens, send markup, reject a
// request with a ValidationException, deny the listings of a least-privilege role or send a
// value SyncDeck cannot read.
#include "dashboard.h"
#include "details/jobdetailspanel.h"
#include "fakeqbusiness.h"
#include "mainwindow.h"
#include "qbusiness/resourcelistmodel.h"
#include "qbusiness/syncjobmodel.h"
#include "rawhttpserver.h"
#include "testsupport.h"
#include "uitestsupport.h"
#include "widgets/notificationbanner.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>

using syncdeck::qbusiness::SyncJobModel;
using syncdeck::test::FakeQBusiness;
using syncdeck::test::RawHttpReply;
using syncdeck::test::RawHttpRequest;
using syncdeck::test::RawHttpServer;
using syncdeck::ui::LaunchOptions;
using syncdeck::ui::MainWindow;
using syncdeck::ui::NotificationBanner;

namespace {

constexpr int Timeout = 20000;

// Markup a hostile service could put in any text member.
const QString Markup = QStringLiteral(
    "<b>bold</b><font color=red>red</font><a href=\"https://example.invalid\">link</a>"
    "<img src=\"file:///etc/hostname\">");

// What the service does wrong; Normal answers as FakeQBusiness does.
enum class Fault {
    Normal,
    RepeatedToken, // every sync-job page names the same nextToken
    MarkupEverywhere, // sync jobs whose texts are markup
    Validation, // ListDataSourceSyncJobs: ValidationException with reason and fields
    DenyListings, // ListApplications, ListIndices and ListDataSources: AccessDeniedException
    StallListings, // the three listings never answer (a slow or filtering proxy)
    UnreadableValue, // one job of the page has an overflowing metric, one a wrong type
};

QJsonObject job(const QString &id, const QString &status, qint64 start)
{
    return QJsonObject {{QStringLiteral("executionId"), id},
                        {QStringLiteral("status"), status},
                        {QStringLiteral("startTime"), double(start)},
                        {QStringLiteral("endTime"), double(start + 300)}};
}

QByteArray body(const QJsonArray &history, const QString &token = {})
{
    QJsonObject o {{QStringLiteral("history"), history}};
    if (!token.isEmpty())
        o.insert(QStringLiteral("nextToken"), token);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

constexpr qint64 Start = 1714550400;

QString jobId(int n)
{
    return QStringLiteral("e%1-0000-4000-8000-000000000000").arg(n, 7, 10, QLatin1Char('0'));
}

// The handler server and the window's demo service pointing at it.
class HostileService : public syncdeck::ui::DemoService
{
public:
    explicit HostileService(Fault fault)
        : m_fault(fault)
        , m_fake(fakeOptions())
        , m_server([this](const RawHttpRequest &r) { return handle(r); })
    { }

    bool start(Endpoint *endpoint, Failure *failure) override
    {
        if (m_server.port() == 0 && !m_server.listen()) {
            *failure = {QStringLiteral("cannot listen"), {}};
            return false;
        }
        *endpoint = {QUrl::fromEncoded(m_server.url()), QString::fromLatin1(FakeQBusiness::Region),
                     syncdeck::test::fakeQBusinessCredentials()};
        return true;
    }

    int syncJobRequests() const { return m_syncJobRequests; }
    int listingRequests() const { return m_listingRequests; }

private:
    static FakeQBusiness::Options fakeOptions()
    {
        FakeQBusiness::Options o;
        o.jobs = 30;
        return o;
    }

    RawHttpReply handle(const RawHttpRequest &r)
    {
        const bool syncJobs = r.path.endsWith("/syncjobs");
        const bool listing = !syncJobs
            && (r.path == "/applications" || r.path.endsWith("/indices")
                || r.path.endsWith("/datasources"));
        if (syncJobs)
            ++m_syncJobRequests;
        if (listing)
            ++m_listingRequests;
        switch (m_fault) {
        case Fault::Normal:
            break;
        case Fault::RepeatedToken:
            if (syncJobs) {
                const int n = m_syncJobRequests;
                return RawHttpReply::json(
                    200,
                    body({job(jobId(2 * n), QStringLiteral("SUCCEEDED"), Start - n * 1000),
                          job(jobId(2 * n + 1), QStringLiteral("SUCCEEDED"),
                              Start - n * 1000 - 500)},
                         QStringLiteral("the-same-token")));
            }
            break;
        case Fault::MarkupEverywhere:
            if (r.path == "/applications") {
                const QJsonObject app {{QStringLiteral("applicationId"),
                                        QString::fromLatin1(FakeQBusiness::ApplicationId)},
                                       {QStringLiteral("displayName"), Markup},
                                       {QStringLiteral("status"), Markup}};
                return RawHttpReply::json(
                    200,
                    QJsonDocument(QJsonObject {{QStringLiteral("applications"), QJsonArray {app}}})
                        .toJson(QJsonDocument::Compact));
            }
            if (syncJobs) {
                QJsonObject failed = job(jobId(1), QStringLiteral("FAILED"), Start);
                failed.insert(QStringLiteral("error"),
                              QJsonObject {{QStringLiteral("errorCode"), Markup},
                                           {QStringLiteral("errorMessage"), Markup}});
                failed.insert(QStringLiteral("dataSourceErrorCode"), Markup);
                const QJsonObject odd = job(jobId(2), Markup, Start - 1000);
                return RawHttpReply::json(200, body({failed, odd}));
            }
            break;
        case Fault::Validation:
            if (syncJobs) {
                return RawHttpReply::awsError(
                    400, "ValidationException", "1 validation error detected", "req-validation",
                    R"("reason":"FIELD_VALIDATION_FAILED","fields":[{"name":"startTime",)"
                    R"("message":"startTime must be within the last 90 days"}])");
            }
            break;
        case Fault::DenyListings:
            if (listing) {
                return RawHttpReply::awsError(403, "AccessDeniedException",
                                              "User is not authorized to perform: qbusiness:List",
                                              "req-denied");
            }
            break;
        case Fault::StallListings:
            if (listing)
                return RawHttpReply::stall();
            break;
        case Fault::UnreadableValue:
            if (syncJobs) {
                QJsonObject overflow = job(jobId(2), QStringLiteral("SUCCEEDED"), Start - 1000);
                overflow.insert(
                    QStringLiteral("metrics"),
                    QJsonObject {{QStringLiteral("documentsScanned"),
                                  QStringLiteral("99999999999999999999")},
                                 {QStringLiteral("documentsAdded"), QStringLiteral("4")}});
                QJsonObject wrongType = job(jobId(3), QStringLiteral("FAILED"), Start - 2000);
                wrongType.insert(QStringLiteral("dataSourceErrorCode"), 42);
                return RawHttpReply::json(
                    200,
                    body({job(jobId(1), QStringLiteral("SUCCEEDED"), Start), overflow, wrongType,
                          job(jobId(4), QStringLiteral("FAILED"), Start - 3000)}));
            }
            break;
        }
        return m_fake.handle(r);
    }

    Fault m_fault;
    FakeQBusiness m_fake;
    RawHttpServer m_server;
    int m_syncJobRequests = 0;
    int m_listingRequests = 0;
};

struct Window
{
    explicit Window(Fault fault, const LaunchOptions &options = syncdeck::test::demoLaunch())
        : service(fault)
        , window(options, syncdeck::test::dashboardServices(&service))
    {
        window.resize(1280, 800);
        window.show();
    }

    template<class T>
    T *find(const char *name) const
    {
        return window.findChild<T *>(QLatin1String(name));
    }
    SyncJobModel *jobs() const { return find<SyncJobModel>("jobModel"); }
    QString errorText() const { return find<NotificationBanner>("errorBanner")->text(); }
    QString statusText() const { return find<QLabel>("jobsStatus")->text(); }

    HostileService service;
    MainWindow window;
};

// True when Qt would render `text` as rich text with a tag of the markup in it.
bool rendersMarkup(const QString &text)
{
    static const QRegularExpression tag(QStringLiteral("<\\s*(b|font|a|img)[\\s>]"),
                                        QRegularExpression::CaseInsensitiveOption);
    return Qt::mightBeRichText(text) && text.contains(tag);
}

// Every place under `root` where the markup would render: labels, tooltips, item views'
// tooltips and texts.
QStringList richTextLeaks(const QWidget *root)
{
    QStringList leaks;
    QList<const QWidget *> widgets {root};
    for (const QWidget *w : root->findChildren<QWidget *>())
        widgets.append(w);
    for (const QWidget *w : std::as_const(widgets)) {
        const QString where
            = QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
        if (rendersMarkup(w->toolTip()))
            leaks << where + QStringLiteral(" tooltip");
        if (const auto *label = qobject_cast<const QLabel *>(w)) {
            if (label->textFormat() != Qt::PlainText && rendersMarkup(label->text()))
                leaks << where + QStringLiteral(" text");
        }
        if (const auto *view = qobject_cast<const QAbstractItemView *>(w)) {
            const QAbstractItemModel *m = view->model();
            for (int r = 0; m && r < m->rowCount(view->rootIndex()); ++r) {
                for (int c = 0; c < m->columnCount(view->rootIndex()); ++c) {
                    const QModelIndex i = m->index(r, c, view->rootIndex());
                    if (rendersMarkup(i.data(Qt::ToolTipRole).toString()))
                        leaks << where + QStringLiteral(" cell %1,%2 tooltip").arg(r).arg(c);
                }
            }
        }
    }
    return leaks;
}

} // namespace

class TestHostileServer : public QObject
{
    Q_OBJECT
private slots:
    void repeatedTokenStopsTheWindow();
    void markupIsPlainTextEverywhere();
    void validationReasonAndFieldsAreShown();
    void deniedListingsStillOpenTheHistory();
    void goToWorksWithoutListings();
    void historyFromIdsDoesNotWaitForListings();
    void namesArriveBesideTheOpenHistory();
    void unreadableValueKeepsThePage();
};

// Issue: one "Load all" against such a server sent ~36,000 requests in 110 s.
void TestHostileServer::repeatedTokenStopsTheWindow()
{
    Window w(Fault::RepeatedToken);
    QTRY_COMPARE_WITH_TIMEOUT(w.jobs()->lastError().code, QStringLiteral("RepeatedNextToken"),
                              Timeout);
    const int afterFirstLoad = w.service.syncJobRequests();
    QVERIFY2(afterFirstLoad <= 2, qPrintable(QString::number(afterFirstLoad)));
    QVERIFY2(w.errorText().contains(QLatin1String("already returned")), qPrintable(w.errorText()));
    QVERIFY2(w.statusText().contains(QLatin1String("listing stopped")), qPrintable(w.statusText()));
    QVERIFY(!w.statusText().contains(QLatin1String("more available")));

    // "Load all" is one more request, stopped by the same rule, and says so.
    auto *loadAll = w.find<QPushButton>("loadAll");
    QVERIFY(loadAll);
    if (loadAll->isEnabled())
        loadAll->click();
    QTest::qWait(500);
    QVERIFY2(w.service.syncJobRequests() <= afterFirstLoad + 1,
             qPrintable(QString::number(w.service.syncJobRequests())));
    QCOMPARE(w.jobs()->lastError().code, QStringLiteral("RepeatedNextToken"));
    QVERIFY(w.statusText().contains(QLatin1String("listing stopped")));
    QVERIFY(!w.statusText().contains(QLatin1String("loading all")));
}

void TestHostileServer::markupIsPlainTextEverywhere()
{
    Window w(Fault::MarkupEverywhere);
    QTRY_COMPARE_WITH_TIMEOUT(w.jobs()->rowCount(), 2, Timeout);
    auto *table = w.find<QTableView>("jobsView");
    // Select each run in turn: the details panel, the charts and the status filter show it.
    for (int r = 0; r < 2; ++r) {
        table->selectRow(r);
        QTRY_VERIFY_WITH_TIMEOUT(w.find<syncdeck::ui::JobDetailsPanel>("detailsPanel")->hasJob(),
                                 Timeout);
        const QStringList leaks = richTextLeaks(&w.window);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    }
    // The markup is shown verbatim, not dropped.
    auto *details = w.find<syncdeck::ui::JobDetailsPanel>("detailsPanel");
    table->selectRow(0);
    QTRY_COMPARE_WITH_TIMEOUT(details->errorMessageLabel()->text().isEmpty(), false, Timeout);
    bool verbatim = false;
    for (const QLabel *l : w.window.findChildren<QLabel *>())
        verbatim = verbatim || l->text() == Markup;
    QVERIFY(verbatim);

    // A tooltip as Qt shows it: the escaped form reads as the markup, with no tag of it.
    const QModelIndex errorCell = table->model()->index(0, SyncJobModel::ErrorCodeColumn);
    const QString tip = errorCell.data(Qt::ToolTipRole).toString();
    QVERIFY(!tip.isEmpty());
    QTextDocument doc;
    if (Qt::mightBeRichText(tip))
        doc.setHtml(tip);
    else
        doc.setPlainText(tip);
    QCOMPARE(doc.toPlainText().trimmed(), Markup);

    // A message box with the service's text (Sync now names the data source) is plain text.
    Qt::TextFormat format = Qt::AutoText;
    syncdeck::test::handleNextDialog<QMessageBox>([&](QMessageBox *box) {
        format = box->textFormat();
        box->button(QMessageBox::Cancel)->click();
    });
    if (syncdeck::test::triggerAction(&w.window, QStringLiteral("syncNowAction")))
        QCOMPARE(format, Qt::PlainText);

    const QString shots = qEnvironmentVariable("SYNCDECK_TEST_SCREENSHOTS");
    if (!shots.isEmpty()) {
        QDir().mkpath(shots);
        QVERIFY(w.window.grab().save(shots + QStringLiteral("/markup-window.png")));
        const QRect cell
            = table->visualRect(table->model()->index(0, SyncJobModel::ErrorCodeColumn));
        QToolTip::showText(table->viewport()->mapToGlobal(cell.center()), tip, table);
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (top->inherits("QTipLabel") && top->isVisible())
                QVERIFY(top->grab().save(shots + QStringLiteral("/markup-tooltip.png")));
        }
    }
}

void TestHostileServer::validationReasonAndFieldsAreShown()
{
    Window w(Fault::Validation);
    QTRY_VERIFY_WITH_TIMEOUT(w.jobs()->lastError().isError(), Timeout);
    const QString text = w.errorText();
    QVERIFY2(text.contains(QLatin1String("Reason: FIELD_VALIDATION_FAILED")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Field startTime: startTime must be within the last 90 "
                                         "days")),
             qPrintable(text));
    // The next step follows the field, in the window's words.
    QVERIFY2(text.contains(QLatin1String("Fix the time range")), qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("--page-size")));
    // A failed first page is not "0 jobs loaded · more available".
    QVERIFY2(!w.statusText().contains(QLatin1String("0 jobs loaded")), qPrintable(w.statusText()));
    QVERIFY(!w.statusText().contains(QLatin1String("more available")));
    QVERIFY(w.statusText().contains(QLatin1String("could not be loaded")));
}

// A role allowed only ListDataSourceSyncJobs, opened with --application-id/--index-id/
// --data-source-id.
void TestHostileServer::deniedListingsStillOpenTheHistory()
{
    LaunchOptions o = syncdeck::test::demoLaunch();
    o.applicationId = QString::fromLatin1(FakeQBusiness::ApplicationId);
    o.indexId = QString::fromLatin1(FakeQBusiness::IndexId);
    o.dataSourceId = QString::fromLatin1(FakeQBusiness::SmallDataSourceId);
    Window w(Fault::DenyListings, o);
    QTRY_COMPARE_WITH_TIMEOUT(w.jobs()->rowCount(), 3, Timeout);
    QCOMPARE(w.jobs()->request().dataSourceId, o.dataSourceId);
    QCOMPARE(w.find<QComboBox>("application")->currentText(), o.applicationId);
    QCOMPARE(w.find<QComboBox>("dataSource")->currentText(), o.dataSourceId);
    auto *note = w.find<QLabel>("resourceNamesNote");
    QVERIFY(note);
    // The listings run beside the history: the note shows once all three have failed.
    QTRY_VERIFY_WITH_TIMEOUT(note->isVisible()
                                 && note->text().contains(QLatin1String("ListDataSources failed")),
                             Timeout);
    QVERIFY2(
        note->text().contains(QLatin1String("ListApplications failed (AccessDeniedException)")),
        qPrintable(note->text()));
    QVERIFY(note->text().contains(QLatin1String("ListDataSources failed")));
    QCOMPARE(note->textFormat(), Qt::PlainText);
}

void TestHostileServer::goToWorksWithoutListings()
{
    Window w(Fault::DenyListings);
    // No IDs yet: the denied listing is an error that says what failed.
    QTRY_VERIFY_WITH_TIMEOUT(w.errorText().contains(QLatin1String("AccessDeniedException")),
                             Timeout);
    auto *goTo = w.find<QLineEdit>("goTo");
    goTo->setText(QString::fromLatin1(FakeQBusiness::ApplicationId) + u' '
                  + QString::fromLatin1(FakeQBusiness::IndexId) + u' '
                  + QString::fromLatin1(FakeQBusiness::SmallDataSourceId));
    QTest::keyClick(goTo, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(w.jobs()->rowCount(), 3, Timeout);
    // The listings run beside the history: their failure shows once they answer.
    QTRY_VERIFY_WITH_TIMEOUT(w.find<QLabel>("resourceNamesNote")->isVisible(), Timeout);
}

LaunchOptions launchWithIds()
{
    LaunchOptions o = syncdeck::test::demoLaunch();
    o.applicationId = QString::fromLatin1(FakeQBusiness::ApplicationId);
    o.indexId = QString::fromLatin1(FakeQBusiness::IndexId);
    o.dataSourceId = QString::fromLatin1(FakeQBusiness::SmallDataSourceId);
    return o;
}

// With the three IDs the history is one ListDataSourceSyncJobs away: it never waits for the
// listings that only bring the names (they hang here), and nothing is reported as failed.
void TestHostileServer::historyFromIdsDoesNotWaitForListings()
{
    const LaunchOptions o = launchWithIds();
    Window w(Fault::StallListings, o);
    QTRY_COMPARE_WITH_TIMEOUT(w.jobs()->rowCount(), 3, Timeout);
    QCOMPARE(w.jobs()->request().dataSourceId, o.dataSourceId);
    QCOMPARE(w.find<QComboBox>("dataSource")->currentText(), o.dataSourceId);
    QVERIFY(w.service.listingRequests() >= 1); // asked, and still unanswered
    QVERIFY2(w.errorText().isEmpty() || !w.find<NotificationBanner>("errorBanner")->isVisible(),
             qPrintable(w.errorText()));
}

// Opened from IDs on a service that lists: the names replace the IDs in the picker and the
// window title when they arrive, without loading the history again.
void TestHostileServer::namesArriveBesideTheOpenHistory()
{
    const LaunchOptions o = launchWithIds();
    Window w(Fault::Normal, o);
    QTRY_COMPARE_WITH_TIMEOUT(w.jobs()->rowCount(), 3, Timeout);
    auto *dataSource = w.find<QComboBox>("dataSource");
    QTRY_VERIFY_WITH_TIMEOUT(dataSource->currentText().startsWith(QLatin1String("source, ")),
                             Timeout);
    QCOMPARE(dataSource->currentData(syncdeck::qbusiness::ResourceListModel::IdRole).toString(),
             o.dataSourceId);
    QTRY_VERIFY_WITH_TIMEOUT(w.window.windowTitle().startsWith(QLatin1String("source, ")), Timeout);
    QVERIFY(w.find<QComboBox>("index")->currentText().startsWith(QLatin1String("main index")));
    QCOMPARE(w.service.syncJobRequests(), 1);
    QVERIFY(!w.find<QLabel>("resourceNamesNote")->isVisible());
    // The listing kept the other data source to pick by hand; picking it opens its history.
    QCOMPARE(dataSource->count(), 2);
    dataSource->setCurrentIndex(dataSource->currentIndex() == 0 ? 1 : 0);
    QTRY_COMPARE_WITH_TIMEOUT(w.jobs()->request().dataSourceId,
                              QString::fromLatin1(FakeQBusiness::DataSourceId), Timeout);
}

void TestHostileServer::unreadableValueKeepsThePage()
{
    Window w(Fault::UnreadableValue);
    QTRY_COMPARE_WITH_TIMEOUT(w.jobs()->rowCount(), 4, Timeout);
    SyncJobModel *m = w.jobs();
    const int overflow = m->rowOfExecutionId(jobId(2));
    QVERIFY(overflow >= 0);
    QCOMPARE(m->index(overflow, SyncJobModel::ScannedColumn).data().toString(),
             QStringLiteral("unreadable"));
    QCOMPARE(m->index(overflow, SyncJobModel::AddedColumn).data().toString(), QStringLiteral("4"));
    QVERIFY(m->index(overflow, SyncJobModel::ScannedColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("overflows")));
    const int wrongType = m->rowOfExecutionId(jobId(3));
    QCOMPARE(m->index(wrongType, SyncJobModel::DataSourceErrorCodeColumn).data().toString(),
             QStringLiteral("unreadable"));
    QCOMPARE(m->job(wrongType).status, QStringLiteral("FAILED"));
    QVERIFY(!m->lastError().isError());
    const QString text = w.errorText();
    QVERIFY2(text.contains(jobId(2)) && text.contains(QLatin1String("metrics.documentsScanned")),
             qPrintable(text));
    QVERIFY2(text.contains(jobId(3)) && text.contains(QLatin1String("dataSourceErrorCode")),
             qPrintable(text));
    QVERIFY2(w.statusText().contains(QLatin1String("2 with an unreadable value")),
             qPrintable(w.statusText()));
}

QTEST_MAIN(TestHostileServer)
#include "tst_hostileserver.moc"
