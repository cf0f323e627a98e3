// Endpoint resolution: the service model's own test cases, and the partition table checked
// against the reference partitions.json.
#include "aws/endpointresolver.h"

#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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

// A small, independent evaluator of Smithy endpoint rule sets (the subset this rule set uses:
// isSet, booleanEquals, getAttr, aws.partition, templates), over partitions.json as read from
// disk. It exists to check the hand translation in endpointresolver.cpp for every region.
class RuleSetEvaluator
{
public:
    RuleSetEvaluator(QJsonObject ruleSet, QJsonArray partitions)
        : m_ruleSet(std::move(ruleSet))
        , m_partitions(std::move(partitions))
    { }

    EndpointResult evaluate(const QJsonObject &params) const
    {
        QJsonObject scope = params;
        const QJsonObject declared = m_ruleSet.value(QLatin1String("parameters")).toObject();
        for (auto it = declared.begin(); it != declared.end(); ++it) {
            const QJsonObject p = it.value().toObject();
            if (!scope.contains(it.key()) && p.contains(QLatin1String("default")))
                scope.insert(it.key(), p.value(QLatin1String("default")));
        }
        EndpointResult result;
        if (!evaluateRules(m_ruleSet.value(QLatin1String("rules")).toArray(), scope, &result))
            result.error = QStringLiteral("no rule matched");
        return result;
    }

private:
    bool evaluateRules(const QJsonArray &rules, const QJsonObject &scope, EndpointResult *out) const
    {
        for (const auto &r : rules) {
            const QJsonObject rule = r.toObject();
            QJsonObject local = scope;
            bool matched = true;
            for (const auto &c : rule.value(QLatin1String("conditions")).toArray()) {
                const QJsonObject condition = c.toObject();
                const QJsonValue value = call(condition, local);
                if (value.isNull() || value.isUndefined() || value == QJsonValue(false)) {
                    matched = false;
                    break;
                }
                if (condition.contains(QLatin1String("assign")))
                    local.insert(condition.value(QLatin1String("assign")).toString(), value);
            }
            if (!matched)
                continue;
            const QString type = rule.value(QLatin1String("type")).toString();
            if (type == QLatin1String("tree")) {
                if (evaluateRules(rule.value(QLatin1String("rules")).toArray(), local, out))
                    return true;
                continue; // a tree whose rules all fail falls through (Smithy semantics)
            }
            if (type == QLatin1String("error")) {
                out->error = expand(rule.value(QLatin1String("error")), local).toString();
                return true;
            }
            const QJsonValue url
                = rule.value(QLatin1String("endpoint")).toObject().value(QLatin1String("url"));
            out->url = QUrl(expand(url, local).toString());
            return true;
        }
        return false;
    }

    QJsonValue expand(const QJsonValue &v, const QJsonObject &scope) const
    {
        if (v.isObject())
            return value(v, scope);
        QString text = v.toString();
        static const QRegularExpression placeholder(QStringLiteral("\\{([^}#]+)(?:#([^}]+))?\\}"));
        QString result;
        qsizetype last = 0;
        auto it = placeholder.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            result += text.mid(last, m.capturedStart() - last);
            QJsonValue ref = scope.value(m.captured(1));
            if (m.lastCapturedIndex() == 2)
                ref = ref.toObject().value(m.captured(2));
            result += ref.toString();
            last = m.capturedEnd();
        }
        return QString(result + text.mid(last));
    }

    QJsonValue value(const QJsonValue &v, const QJsonObject &scope) const
    {
        if (!v.isObject())
            return v.isString() ? expand(v, scope) : v;
        const QJsonObject o = v.toObject();
        if (o.contains(QLatin1String("ref")))
            return scope.value(o.value(QLatin1String("ref")).toString());
        return call(o, scope);
    }

    QJsonValue call(const QJsonObject &fn, const QJsonObject &scope) const
    {
        const QString name = fn.value(QLatin1String("fn")).toString();
        const QJsonArray argv = fn.value(QLatin1String("argv")).toArray();
        if (name == QLatin1String("isSet"))
            return !value(argv.at(0), scope).isUndefined() && !value(argv.at(0), scope).isNull();
        if (name == QLatin1String("booleanEquals") || name == QLatin1String("stringEquals"))
            return value(argv.at(0), scope) == value(argv.at(1), scope);
        if (name == QLatin1String("getAttr"))
            return value(argv.at(0), scope).toObject().value(argv.at(1).toString());
        if (name == QLatin1String("aws.partition"))
            return partition(value(argv.at(0), scope).toString());
        qWarning("rule set uses an unsupported function %s", qPrintable(name));
        return {};
    }

    QJsonValue partition(const QString &region) const
    {
        for (const auto &p : m_partitions) {
            if (p.toObject().value(QLatin1String("regions")).toObject().contains(region))
                return p.toObject().value(QLatin1String("outputs"));
        }
        for (const auto &p : m_partitions) {
            const QRegularExpression re(
                p.toObject().value(QLatin1String("regionRegex")).toString());
            if (re.match(region).hasMatch())
                return p.toObject().value(QLatin1String("outputs"));
        }
        for (const auto &p : m_partitions) {
            if (p.toObject().value(QLatin1String("id")) == QLatin1String("aws"))
                return p.toObject().value(QLatin1String("outputs"));
        }
        return {};
    }

    QJsonObject m_ruleSet;
    QJsonArray m_partitions;
};
} // namespace

class TestEndpointResolver : public QObject
{
    Q_OBJECT
private slots:
    void ruleSetTests_data();
    void ruleSetTests();
    void logsRuleSetTests_data();
    void logsRuleSetTests();
    void logsTranslationAgreesWithRuleSet();
    void partitionsMatchReference();
    void translationAgreesWithRuleSet();
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
    for (const auto &c : cases)
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

void TestEndpointResolver::logsRuleSetTests_data()
{
    QTest::addColumn<QJsonObject>("testCase");
    const QString dir = syncdeck::test::sharedReferenceDir();
    if (dir.isEmpty())
        return;
    const QJsonArray cases
        = readJson(dir + QStringLiteral("/other-models/logs.endpoint-tests-1.json"))
              .value(QLatin1String("testCases"))
              .toArray();
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject c = cases.at(i).toObject();
        QTest::addRow("%d %s", int(i),
                      qPrintable(c.value(QLatin1String("documentation")).toString()))
            << c;
    }
}

void TestEndpointResolver::logsRuleSetTests()
{
    if (syncdeck::test::sharedReferenceDir().isEmpty())
        QSKIP(qPrintable(syncdeck::test::sharedReferenceMissingMessage()));
    QFETCH(QJsonObject, testCase);
    const QJsonObject params = testCase.value(QLatin1String("params")).toObject();
    EndpointParams p;
    if (params.contains(QLatin1String("Region")))
        p.region = params.value(QLatin1String("Region")).toString();
    p.useFips = params.value(QLatin1String("UseFIPS")).toBool();
    p.useDualStack = params.value(QLatin1String("UseDualStack")).toBool();
    if (params.contains(QLatin1String("Endpoint")))
        p.endpoint = params.value(QLatin1String("Endpoint")).toString();
    const EndpointResult r = resolveLogsEndpoint(p);
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

void TestEndpointResolver::logsTranslationAgreesWithRuleSet()
{
    const QString dir = syncdeck::test::sharedReferenceDir();
    if (dir.isEmpty())
        QSKIP(qPrintable(syncdeck::test::sharedReferenceMissingMessage()));
    const QJsonObject ruleSet
        = readJson(dir + QStringLiteral("/other-models/logs.endpoint-rule-set-1.json"));
    const QJsonArray partitions = readJson(dir + QStringLiteral("/qbusiness-model/partitions.json"))
                                      .value(QLatin1String("partitions"))
                                      .toArray();
    QVERIFY(!ruleSet.isEmpty() && !partitions.isEmpty());
    const RuleSetEvaluator evaluator(ruleSet, partitions);
    QStringList regions = {QStringLiteral("us-gov-central-9"), QStringLiteral("cn-south-7"),
                           QStringLiteral("eusc-de-west-3"), QStringLiteral("mars-east-1")};
    for (const QJsonValue &p : partitions)
        regions += p.toObject().value(QLatin1String("regions")).toObject().keys();
    int compared = 0;
    for (const QString &region : std::as_const(regions)) {
        for (int flags = 0; flags < 8; ++flags) {
            const bool fips = flags & 1;
            const bool dualStack = flags & 2;
            const bool custom = flags & 4;
            QJsonObject params {{QStringLiteral("Region"), region},
                                {QStringLiteral("UseFIPS"), fips},
                                {QStringLiteral("UseDualStack"), dualStack}};
            EndpointParams mine;
            mine.region = region;
            mine.useFips = fips;
            mine.useDualStack = dualStack;
            if (custom) {
                params.insert(QStringLiteral("Endpoint"), QStringLiteral("https://example.com"));
                mine.endpoint = QStringLiteral("https://example.com");
            }
            const EndpointResult expected = evaluator.evaluate(params);
            const EndpointResult actual = resolveLogsEndpoint(mine);
            QVERIFY2(actual.error == expected.error && actual.url == expected.url,
                     qPrintable(region + QStringLiteral(" flags=") + QString::number(flags)
                                + QStringLiteral(": rule set says ") + expected.url.toString()
                                + expected.error + QStringLiteral(", SyncDeck says ")
                                + actual.url.toString() + actual.error));
            ++compared;
        }
    }
    qInfo("%d parameter combinations agree with the Logs rule set", compared);
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
    for (const auto &value : partitions) {
        const QJsonObject partition = value.toObject();
        const QJsonObject outputs = partition.value(QLatin1String("outputs")).toObject();
        const QStringList regions = partition.value(QLatin1String("regions")).toObject().keys();
        // Every listed region, and an unlisted one of the pattern, land in this partition.
        QStringList probes = regions;
        const QString id = partition.value(QLatin1String("id")).toString();
        for (const QString &region : std::as_const(probes)) {
            const Partition p = partitionForRegion(region);
            QCOMPARE(p.name, id);
            // partitionRegions: exactly the partition's listed regions ("all regions").
            QStringList listed = partitionRegions(region);
            listed.sort();
            QStringList want = regions;
            want.sort();
            QCOMPARE(listed, want);
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

void TestEndpointResolver::translationAgreesWithRuleSet()
{
    const QString dir = syncdeck::test::sharedReferenceDir();
    if (dir.isEmpty())
        QSKIP(qPrintable(syncdeck::test::sharedReferenceMissingMessage()));
    const QJsonObject ruleSet
        = readJson(dir + QStringLiteral("/qbusiness-model/endpoint-rule-set-1.json"));
    const QJsonArray partitions = readJson(dir + QStringLiteral("/qbusiness-model/partitions.json"))
                                      .value(QLatin1String("partitions"))
                                      .toArray();
    QVERIFY(!ruleSet.isEmpty() && !partitions.isEmpty());
    const RuleSetEvaluator evaluator(ruleSet, partitions);

    // The evaluator itself must reproduce the model's own test cases first.
    const QJsonArray cases
        = readJson(dir + QStringLiteral("/qbusiness-model/endpoint-tests-1.json"))
              .value(QLatin1String("testCases"))
              .toArray();
    for (const auto &c : cases) {
        const QJsonObject expect = c.toObject().value(QLatin1String("expect")).toObject();
        const EndpointResult r
            = evaluator.evaluate(c.toObject().value(QLatin1String("params")).toObject());
        if (expect.contains(QLatin1String("error")))
            QCOMPARE(r.error, expect.value(QLatin1String("error")).toString());
        else
            QCOMPARE(r.url.toString(),
                     expect.value(QLatin1String("endpoint"))
                         .toObject()
                         .value(QLatin1String("url"))
                         .toString());
    }

    // Then every known region (and unlisted ones of each pattern) x FIPS x custom endpoint.
    QStringList regions = {QStringLiteral("us-gov-central-9"), QStringLiteral("cn-south-7"),
                           QStringLiteral("eusc-de-west-3"), QStringLiteral("mars-east-1")};
    for (const auto &p : partitions)
        regions += p.toObject().value(QLatin1String("regions")).toObject().keys();
    int compared = 0;
    for (const QString &region : std::as_const(regions)) {
        for (const bool fips : {false, true}) {
            for (const bool custom : {false, true}) {
                QJsonObject params {{QStringLiteral("Region"), region},
                                    {QStringLiteral("UseFIPS"), fips}};
                EndpointParams mine;
                mine.region = region;
                mine.useFips = fips;
                if (custom) {
                    params.insert(QStringLiteral("Endpoint"),
                                  QStringLiteral("https://example.com"));
                    mine.endpoint = QStringLiteral("https://example.com");
                }
                const EndpointResult expected = evaluator.evaluate(params);
                const EndpointResult actual = resolveQBusinessEndpoint(mine);
                QVERIFY2(actual.error == expected.error && actual.url == expected.url,
                         qPrintable(region + QStringLiteral(" fips=") + QString::number(fips)
                                    + QStringLiteral(" custom=") + QString::number(custom)
                                    + QStringLiteral(": rule set says ") + expected.url.toString()
                                    + expected.error + QStringLiteral(", SyncDeck says ")
                                    + actual.url.toString() + actual.error));
                ++compared;
            }
        }
    }
    qInfo("%d parameter combinations agree with the rule set", compared);
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
    // Found by fuzzing (tests/fuzz/regressions/profiles): the host became invalid, silently.
    QTest::newRow("region ending with a hyphen")
        << "n-" << QString() << "is not a valid region name";
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
