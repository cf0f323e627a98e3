// Which regions a fleet scan covers: the current one, a list, or every region of the current
// region's partition (checked against the reference partitions.json).
#include "fleet/fleetregions.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using syncdeck::fleet::selectRegions;

class TestFleetRegions : public QObject
{
    Q_OBJECT
private slots:
    void selections_data();
    void selections();
    void allRegionsOfThePartition_data();
    void allRegionsOfThePartition();
};

void TestFleetRegions::selections_data()
{
    QTest::addColumn<QString>("selection");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QStringList>("partitionRegions");
    QTest::addColumn<QStringList>("regions"); // empty: an error
    QTest::addColumn<QString>("error");
    const auto list = [](const char *csv) {
        return *csv ? QString::fromLatin1(csv).split(u',') : QStringList();
    };
    const auto row = [&](const char *name, const char *selection, const char *current,
                         const char *partition, const char *regions, const char *error) {
        QTest::newRow(name) << QString::fromLatin1(selection) << QString::fromLatin1(current)
                            << list(partition) << list(regions) << QString::fromUtf8(error);
    };
    const char *aws = "aws-global,us-east-1,us-west-2,eu-west-1";
    row("default", "", "eu-west-1", aws, "eu-west-1", "");
    row("list", " us-west-2, eu-west-1 ,us-west-2", "us-east-1", aws, "us-west-2,eu-west-1", "");
    row("all, current first", "ALL", "eu-west-1", aws, "eu-west-1,us-east-1,us-west-2", "");
    row("all, a region newer than the table", "all", "eu-south-9", aws,
        "eu-south-9,us-east-1,us-west-2,eu-west-1", "");
    row("all, other partitions left out", "all", "us-east-1",
        "us-east-1,cn-north-1,us-gov-west-1,us-west-2", "us-east-1,us-west-2", "");
    row("all without the partition's regions", "all", "cn-north-1", aws, "",
        "the regions of partition aws-cn are not known");
    row("no current region", "", "", aws, "", "no region is configured");
    row("bad current region", "", "us east 1", aws, "", "is not a valid region name");
    row("bad name in the list", "us-west-2,evil.example.com/x", "us-east-1", aws, "",
        "\"evil.example.com/x\" is not a valid region name");
    row("empty name in the list", "us-west-2,,eu-west-1", "us-east-1", aws, "",
        "has an empty region name");
    row("another partition in the list", "us-west-2,cn-north-1", "us-east-1", aws, "",
        "cn-north-1 is in partition aws-cn, but the profile's region us-east-1 is in aws");
}

void TestFleetRegions::selections()
{
    QFETCH(QString, selection);
    QFETCH(QString, current);
    QFETCH(QStringList, partitionRegions);
    QFETCH(QStringList, regions);
    QFETCH(QString, error);
    QString why;
    const QStringList got = selectRegions(selection, current, partitionRegions, &why);
    QCOMPARE(got, regions);
    if (error.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QVERIFY2(why.contains(error), qPrintable(why));
}

void TestFleetRegions::allRegionsOfThePartition_data()
{
    QTest::addColumn<QString>("current");
    QTest::newRow("aws") << QStringLiteral("us-east-1");
    QTest::newRow("aws-cn") << QStringLiteral("cn-northwest-1");
    QTest::newRow("aws-us-gov") << QStringLiteral("us-gov-west-1");
}

// "all" with the regions partitions.json lists: every real region of that partition, none of
// another, no "-global" pseudo-region.
void TestFleetRegions::allRegionsOfThePartition()
{
    QFETCH(QString, current);
    const QString dir = syncdeck::test::sharedReferenceDir();
    if (dir.isEmpty())
        QSKIP(qPrintable(syncdeck::test::sharedReferenceMissingMessage()));
    QFile file(dir + QStringLiteral("/qbusiness-model/partitions.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList every;
    QStringList expected;
    const QJsonArray partitions = QJsonDocument::fromJson(file.readAll())
                                      .object()
                                      .value(QLatin1String("partitions"))
                                      .toArray();
    for (const QJsonValue &p : partitions) {
        const QStringList regions = p.toObject().value(QLatin1String("regions")).toObject().keys();
        every += regions;
        if (regions.contains(current)) {
            for (const QString &r : regions) {
                if (!r.endsWith(QLatin1String("-global")))
                    expected.append(r);
            }
        }
    }
    QVERIFY(expected.size() >= 2);
    QString error;
    QStringList got = selectRegions(QStringLiteral("all"), current, every, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(got.constFirst(), current);
    got.sort();
    expected.sort();
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TestFleetRegions)
#include "tst_fleetregions.moc"
