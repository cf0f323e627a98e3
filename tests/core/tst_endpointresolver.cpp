// Endpoint resolution: the service model's own test cases, and the partition table checked
// against the reference partitions.json.
#include "aws/endpointresolver.h"

#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace syncdeck::aws;

namespace {
QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}
} // namespace

class TestEndpointResolver : public QObject
{
    Q_OBJECT
private slots:
    void ruleSetTests_data();
    void ruleSetTests();
    void partitionsMatchReference();
    void otherServices_data();
    void otherServices();
    void rejectsBadInput_data();
    void rejectsBadInput();
};

void TestEndpointResolver::ruleSetTests_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    const QString dir = syncdeck::test::sharedReferenceDir();
    if (dir.isEmpty())
        return;
    const QJsonArray cases
        = readJson(dir + QStringLiteral("/qbusiness-model/endpoint-tests-1.json"))
              .value(QLatin1String("testCases"))
              .toArray();
    for (const QJsonValue &c : cases)
        QTest::newRow(qPrintable(c.toObject().value(QLatin1String("documentation")).toString()))
            << c.toObject();
}

void TestEndpointResolver::ruleSetTests()
{
    if (syncdeck::test::sharedReferenceDir().isEmpty())
        QSKIP(qPrintable(syncdeck::test::sharedReferenceMissingMessage()));
    QFETCH(QJsonObject, testCase);
    const QJsonObject params = testCase.value(QLatin1String("params")).toObject();
    EndpointParams p;
    if (params.contains(QLatin1String("Region")))
        p.region = params.value(QLatin1String("Region")).toString();
    p.useFips = params.value(QLatin1String("UseFIPS")).toBool();
    if (params.contains(QLatin1String("Endpoint")))
        p.endpoint = params.value(QLatin1String("Endpoint")).toString();
    // UseDualStack is not a parameter of this rule set; no case may rely on it.
    QVERIFY(!params.contains(QLatin1String("UseDualStack")));
    const EndpointResult r = resolveQBusinessEndpoint(p);
    const QJsonObject expect = testCase.value(QLatin1String("expect")).toObject();
    if (expect.contains(QLatin1String("error"))) {
        QCOMPARE(r.error, expect.value(QLatin1String("error")).toString());
        QVERIFY(r.url.isEmpty());
    } else {
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.url.toString(),
                 expect.value(QLatin1String("endpoint"))
                     .toObject()
                     .value(QLatin1String("url"))
                     .toString());
    }
}

void TestEndpointResolver::partitionsMatchReference()
{
    const QString dir = syncdeck::test::sharedReferenceDir();
    if (dir.isEmpty())
        QSKIP(qPrintable(syncdeck::test::sharedReferenceMissingMessage()));
    const QJsonArray partitions = readJson(dir + QStringLiteral("/qbusiness-model/partitions.json"))
                                      .value(QLatin1String("partitions"))
                                      .toArray();
    QVERIFY(!partitions.isEmpty());
    for (const QJsonValue &value : partitions) {
        const QJsonObject partition = value.toObject();
        const QJsonObject outputs = partition.value(QLatin1String("outputs")).toObject();
        const QStringList regions = partition.value(QLatin1String("regions")).toObject().keys();
        // Every listed region, and an unlisted one of the pattern, land in this partition.
        QStringList probes = regions;
        const QString id = partition.value(QLatin1String("id")).toString();
        for (const QString &region : std::as_const(probes)) {
            const Partition p = partitionForRegion(region);
            QCOMPARE(p.name, id);
            QCOMPARE(p.dnsSuffix, outputs.value(QLatin1String("dnsSuffix")).toString());
            QCOMPARE(p.dualStackDnsSuffix,
                     outputs.value(QLatin1String("dualStackDnsSuffix")).toString());
            QCOMPARE(p.implicitGlobalRegion,
                     outputs.value(QLatin1String("implicitGlobalRegion")).toString());
            QCOMPARE(p.supportsFIPS, outputs.value(QLatin1String("supportsFIPS")).toBool());
            QCOMPARE(p.supportsDualStack,
                     outputs.value(QLatin1String("supportsDualStack")).toBool());
        }
    }
    // Unknown regions: by pattern, else the aws partition.
    QCOMPARE(partitionForRegion(QStringLiteral("us-gov-central-9")).name,
             QStringLiteral("aws-us-gov"));
    QCOMPARE(partitionForRegion(QStringLiteral("cn-south-7")).name, QStringLiteral("aws-cn"));
    QCOMPARE(partitionForRegion(QStringLiteral("eu-central-9")).name, QStringLiteral("aws"));
    QCOMPARE(partitionForRegion(QStringLiteral("mars-east-1")).name, QStringLiteral("aws"));
}

void TestEndpointResolver::otherServices_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("fips");
    QTest::addColumn<QString>("url");
    QTest::newRow("sts") << "sts"
                         << "us-west-2" << false << "https://sts.us-west-2.amazonaws.com";
    QTest::newRow("sts global") << "sts" << QString() << false << "https://sts.amazonaws.com";
    QTest::newRow("sts fips") << "sts"
                              << "us-east-1" << true << "https://sts-fips.us-east-1.amazonaws.com";
    QTest::newRow("sts china") << "sts"
                               << "cn-north-1" << false
                               << "https://sts.cn-north-1.amazonaws.com.cn";
    QTest::newRow("sso") << "sso"
                         << "eu-west-1" << false << "https://portal.sso.eu-west-1.amazonaws.com";
    QTest::newRow("sso gov") << "sso"
                             << "us-gov-west-1" << false
                             << "https://portal.sso.us-gov-west-1.amazonaws.com";
}

void TestEndpointResolver::otherServices()
{
    QFETCH(QString, service);
    QFETCH(QString, region);
    QFETCH(bool, fips);
    EndpointParams p;
    if (!region.isEmpty())
        p.region = region;
    p.useFips = fips;
    const EndpointResult r
        = service == QLatin1String("sts") ? resolveStsEndpoint(p) : resolveSsoPortalEndpoint(p);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QTEST(r.url.toString(), "url");
}

void TestEndpointResolver::rejectsBadInput_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("error");
    QTest::newRow("region with a dot") << "evil.com/x" << QString() << "is not a valid region name";
    QTest::newRow("region with a space") << "us east 1" << QString() << "is not a valid region";
    QTest::newRow("endpoint not a URL") << "us-east-1"
                                        << "not a url"
                                        << "is not an http:// or https:// URL";
    QTest::newRow("endpoint ftp") << "us-east-1"
                                  << "ftp://example.com"
                                  << "is not an http:// or https:// URL";
}

void TestEndpointResolver::rejectsBadInput()
{
    QFETCH(QString, region);
    QFETCH(QString, endpoint);
    QFETCH(QString, error);
    EndpointParams p;
    p.region = region;
    if (!endpoint.isEmpty())
        p.endpoint = endpoint;
    const EndpointResult r = resolveQBusinessEndpoint(p);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(error), qPrintable(r.error));
}

QTEST_GUILESS_MAIN(TestEndpointResolver)
#include "tst_endpointresolver.moc"
