// The resource picker against the emulator over TCP: every page of each level, IDs opened
// before the listing or missing from it, failures with a retry, and a service that repeats its
// page token stopped instead of looped.
#include "aws/credentialsprovider.h"
#include "emulator/server.h"
#include "qbusiness/client.h"
#include "qbusiness/resourcelistmodel.h"
#include "rawhttpserver.h"
#include "resources/resourcepicker.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTest>

using syncdeck::qbusiness::AwsError;
using syncdeck::qbusiness::ResourceReference;
using syncdeck::ui::ResourcePicker;

namespace {

constexpr int Timeout = 20000;

syncdeck::emulator::Options service()
{
    syncdeck::emulator::Options o;
    o.applications = 2;
    o.indicesPerApplication = 1;
    o.dataSourcesPerIndex = 25; // three pages of ListDataSources
    o.jobsPerDataSource = 1;
    return o;
}

std::unique_ptr<syncdeck::qbusiness::Client>
clientFor(const QUrl &endpoint,
          const QString &secret = QLatin1String(syncdeck::emulator::DefaultSecretAccessKey))
{
    syncdeck::qbusiness::ClientConfig config;
    config.endpoint = endpoint;
    config.region = QLatin1String(syncdeck::emulator::DefaultRegion);
    config.maxAttempts = 1;
    syncdeck::aws::Credentials keys;
    keys.accessKeyId = QLatin1String(syncdeck::emulator::DefaultAccessKeyId);
    keys.secretAccessKey = syncdeck::aws::SecretString(secret);
    auto *credentials = new syncdeck::aws::StaticCredentialsProvider(keys);
    auto client = std::make_unique<syncdeck::qbusiness::Client>(config, credentials);
    credentials->setParent(client.get());
    return client;
}

QComboBox *level(ResourcePicker &picker, const char *name)
{
    return picker.findChild<QComboBox *>(QLatin1String(name));
}

struct Failure
{
    QString what;
    AwsError error;
    std::function<void()> retry;
};

// `failures` must outlive `picker`.
void recordFailures(ResourcePicker &picker, QList<Failure> *failures)
{
    QObject::connect(
        &picker, &ResourcePicker::listingFailed, &picker,
        [failures](const QString &what, const AwsError &error, const std::function<void()> &retry) {
            failures->append({what, error, retry});
        });
}

} // namespace

class TestResourcePicker : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void listsEveryPage();
    void opensIdsOnceListed();
    void keepsAnIdTheListingLacks();
    void failedListingCanBeRetried();
    void repeatedTokenStopsTheListing();

private:
    std::unique_ptr<syncdeck::emulator::Server> m_server;
};

void TestResourcePicker::initTestCase()
{
    m_server = std::make_unique<syncdeck::emulator::Server>(service());
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
}

void TestResourcePicker::listsEveryPage()
{
    auto client = clientFor(m_server->url());
    ResourcePicker picker;
    QSignalSpy changed(&picker, &ResourcePicker::selectionChanged);
    picker.setClient(client.get());
    QVERIFY(picker.isListing());
    QTRY_VERIFY_WITH_TIMEOUT(picker.hasDataSource(), Timeout);
    QCOMPARE(level(picker, "application")->count(), 2);
    QCOMPARE(level(picker, "index")->count(), 1);
    QCOMPARE(level(picker, "dataSource")->count(), 25);
    QVERIFY(!picker.isListing());
    // The first of each level is chosen; names for people, IDs in the selection.
    const ResourceReference ids = picker.selection();
    QCOMPARE(ids.dataSourceId,
             level(picker, "dataSource")
                 ->currentData(syncdeck::qbusiness::ResourceListModel::IdRole)
                 .toString());
    QVERIFY(picker.dataSourceName() != ids.dataSourceId);
    QVERIFY(!changed.isEmpty());

    // Another application by hand lists its own indices and data sources.
    level(picker, "application")->setCurrentIndex(1);
    QVERIFY(!picker.hasDataSource());
    QTRY_VERIFY_WITH_TIMEOUT(picker.hasDataSource(), Timeout);
    QVERIFY(picker.selection().applicationId != ids.applicationId);
    QCOMPARE(level(picker, "dataSource")->count(), 25);
}

void TestResourcePicker::opensIdsOnceListed()
{
    auto client = clientFor(m_server->url());
    ResourceReference wanted;
    QString wantedName;
    {
        ResourcePicker first;
        first.setClient(client.get());
        QTRY_VERIFY_WITH_TIMEOUT(first.hasDataSource(), Timeout);
        level(first, "application")->setCurrentIndex(1);
        QTRY_VERIFY_WITH_TIMEOUT(first.hasDataSource(), Timeout);
        level(first, "dataSource")->setCurrentIndex(23); // on the last page
        wanted = first.selection();
        wantedName = first.dataSourceName();
    }
    // Opened by IDs before anything is listed: each level selects its ID when listed.
    ResourcePicker picker;
    picker.open(wanted);
    QVERIFY(!picker.hasDataSource());
    picker.setClient(client.get());
    QTRY_VERIFY_WITH_TIMEOUT(picker.hasDataSource() && !picker.isListing(), Timeout);
    QCOMPARE(picker.selection().applicationId, wanted.applicationId);
    QCOMPARE(picker.selection().indexId, wanted.indexId);
    QCOMPARE(picker.selection().dataSourceId, wanted.dataSourceId);
    QCOMPARE(picker.dataSourceName(), wantedName);
    QCOMPARE(level(picker, "dataSource")->count(), 25);
}

void TestResourcePicker::keepsAnIdTheListingLacks()
{
    auto client = clientFor(m_server->url());
    ResourcePicker picker;
    picker.setClient(client.get());
    QTRY_VERIFY_WITH_TIMEOUT(picker.hasDataSource() && !picker.isListing(), Timeout);
    // Opened while listed: selects at once and lists below, keeping an ID it cannot list (e.g.
    // without ListDataSources permission) by its ID.
    ResourceReference ids = picker.selection();
    ids.dataSourceId = QStringLiteral("d0000000-0000-4000-8000-00000000abcd");
    picker.open(ids);
    QTRY_VERIFY_WITH_TIMEOUT(
        !picker.isListing() && picker.selection().dataSourceId == ids.dataSourceId, Timeout);
    QCOMPARE(picker.dataSourceName(), ids.dataSourceId);
    QCOMPARE(level(picker, "dataSource")->count(), 26);
}

void TestResourcePicker::failedListingCanBeRetried()
{
    auto client = clientFor(m_server->url(), QStringLiteral("not-the-secret"));
    QList<Failure> failures;
    ResourcePicker picker;
    recordFailures(picker, &failures);
    picker.setClient(client.get());
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, Timeout);
    QCOMPARE(failures.first().what, QStringLiteral("Could not list applications"));
    QVERIFY(failures.first().error.isError());
    QVERIFY(failures.first().retry);
    QVERIFY(!picker.isListing());
    QCOMPARE(level(picker, "application")->count(), 0);
    failures.first().retry();
    QVERIFY(picker.isListing());
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 2, Timeout);
}

void TestResourcePicker::repeatedTokenStopsTheListing()
{
    // A service that answers every page with the same token.
    syncdeck::test::RawHttpServer looping([](const syncdeck::test::RawHttpRequest &) {
        return syncdeck::test::RawHttpReply::json(
            200,
            R"({"applications":[{"applicationId":"a0000000-0000-4000-8000-000000000001",)"
            R"("displayName":"app","status":"ACTIVE"}],"nextToken":"again"})");
    });
    QVERIFY(looping.listen());
    auto client = clientFor(QUrl(QString::fromLatin1(looping.url())));
    QList<Failure> failures;
    ResourcePicker picker;
    recordFailures(picker, &failures);
    picker.setClient(client.get());
    QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 1, Timeout);
    QCOMPARE(failures.first().error.code, QStringLiteral("RepeatedNextToken"));
    QCOMPARE(looping.requests().size(), 2);
    QCOMPARE(level(picker, "application")->count(), 0);
}

QTEST_MAIN(TestResourcePicker)
#include "tst_resourcepicker.moc"
