#include "qbusiness/resourcelistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using syncdeck::qbusiness::DataSource;
using syncdeck::qbusiness::ResourceListModel;

class TestResourceListModel : public QObject
{
    Q_OBJECT
private slots:
    void display_data();
    void display();
};

void TestResourceListModel::display_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("active") << QStringLiteral("Wiki") << QStringLiteral("S3")
                            << QStringLiteral("ACTIVE") << QStringLiteral("Wiki (S3)");
    QTest::newRow("failed") << QStringLiteral("Share") << QStringLiteral("SHAREPOINT")
                            << QStringLiteral("FAILED")
                            << QStringLiteral("Share (SHAREPOINT, FAILED)");
    QTest::newRow("no name") << QString() << QString() << QStringLiteral("ACTIVE")
                             << QStringLiteral("id-1");
}

void TestResourceListModel::display()
{
    QFETCH(QString, name);
    QFETCH(QString, type);
    QFETCH(QString, status);
    QFETCH(QString, expected);
    ResourceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DataSource zed {QStringLiteral("id-2"),
                    QStringLiteral("zzz"),
                    QStringLiteral("S3"),
                    QStringLiteral("ACTIVE"),
                    {},
                    {}};
    DataSource ds {QStringLiteral("id-1"), name, type, status, {}, {}};
    model.setDataSources({zed, ds});
    QCOMPARE(model.rowCount(), 2);
    const int row = model.rowOfId(QStringLiteral("id-1"));
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row).data().toString(), expected);
    QCOMPARE(model.index(row).data(ResourceListModel::IdRole).toString(), QStringLiteral("id-1"));
    QVERIFY(model.index(row).data(Qt::ToolTipRole).toString().contains(QLatin1String("id-1")));
    QCOMPARE(model.index(0).data(ResourceListModel::IdRole).toString(),
             QStringLiteral("id-2")); // the service's order
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOfId(QStringLiteral("id-1")), -1);
}

QTEST_GUILESS_MAIN(TestResourceListModel)
#include "tst_resourcelistmodel.moc"
