// The value facts of qbusiness/types.h: the one resource ID check.
#include "qbusiness/types.h"

#include <QRegularExpression>
#include <QTest>

using namespace syncdeck::qbusiness;

class TestTypes : public QObject
{
    Q_OBJECT
private slots:
    void isResourceId_data();
    void isResourceId();
};

void TestTypes::isResourceId_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("uuid") << QStringLiteral("8b5e2c44-9b1a-4a3c-9f57-0c6a2e1d7b90") << true;
    QTest::newRow("letters and dashes") << QString(QStringLiteral("A") + QString(35, u'-')) << true;
    QTest::newRow("35 characters")
        << QStringLiteral("8b5e2c44-9b1a-4a3c-9f57-0c6a2e1d7b9") << false;
    QTest::newRow("37 characters")
        << QStringLiteral("8b5e2c44-9b1a-4a3c-9f57-0c6a2e1d7b901") << false;
    QTest::newRow("leading dash") << QStringLiteral("-b5e2c44-9b1a-4a3c-9f57-0c6a2e1d7b90")
                                  << false;
    QTest::newRow("underscore") << QStringLiteral("8b5e2c44_9b1a-4a3c-9f57-0c6a2e1d7b90") << false;
    QTest::newRow("space") << QStringLiteral("8b5e2c44 9b1a-4a3c-9f57-0c6a2e1d7b90") << false;
    QTest::newRow("non-ASCII letter")
        << QStringLiteral("\u00e98b5e2c4-9b1a-4a3c-9f57-0c6a2e1d7b90") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestTypes::isResourceId()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(syncdeck::qbusiness::isResourceId(text), valid);
    QCOMPARE(text.contains(QRegularExpression(QStringLiteral("^%1$").arg(ResourceIdPattern))),
             valid);
}

QTEST_GUILESS_MAIN(TestTypes)
#include "tst_types.moc"
