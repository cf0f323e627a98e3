// The one string interner (job model, emulator store).
#include "aws/stringpool.h"

#include <QTest>

using syncdeck::aws::StringPool;

class TestStringPool : public QObject
{
    Q_OBJECT
private slots:
    void internsOnce();
    void emptyIsZero();
    void unknownReferenceIsEmpty();
    void clearStartsOver();
};

void TestStringPool::internsOnce()
{
    StringPool pool;
    const quint32 a = pool.intern(QStringLiteral("Access denied"));
    const quint32 b = pool.intern(QStringLiteral("Throttled"));
    QVERIFY(a != 0 && b != 0 && a != b);
    QCOMPARE(pool.intern(QStringLiteral("Access ") + QStringLiteral("denied")), a);
    QCOMPARE(pool.size(), 2);
    QCOMPARE(pool.at(a), QStringLiteral("Access denied"));
    QCOMPARE(pool.at(b), QStringLiteral("Throttled"));
    // Case and white space matter: these are the service's exact texts.
    QVERIFY(pool.intern(QStringLiteral("throttled")) != b);
}

void TestStringPool::emptyIsZero()
{
    StringPool pool;
    QCOMPARE(pool.intern(QString()), quint32(0));
    QCOMPARE(pool.intern(QStringLiteral("")), quint32(0));
    QCOMPARE(pool.size(), 0);
    QVERIFY(pool.at(0).isEmpty());
}

void TestStringPool::unknownReferenceIsEmpty()
{
    StringPool pool;
    pool.intern(QStringLiteral("x"));
    QVERIFY(pool.at(2).isEmpty());
    QVERIFY(pool.at(0xFFFFFFFFU).isEmpty());
}

void TestStringPool::clearStartsOver()
{
    StringPool pool;
    const quint32 first = pool.intern(QStringLiteral("x"));
    pool.intern(QStringLiteral("y"));
    pool.clear();
    QCOMPARE(pool.size(), 0);
    QVERIFY(pool.at(first).isEmpty());
    QCOMPARE(pool.intern(QStringLiteral("y")), first);
}

QTEST_GUILESS_MAIN(TestStringPool)
#include "tst_stringpool.moc"
