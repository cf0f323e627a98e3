// The coverage rules on their own: merging ranges a listing held, clipping after a prune, and
// cutting a query into what the cache answers and what the service must.
#include "cache/coverage.h"

#include <QTest>

using namespace syncdeck::cache;

namespace {
using Ranges = QList<TimeRange>;
using Pieces = QList<RangePiece>;

TimeRange r(std::optional<qint64> from, std::optional<qint64> to)
{
    return {from, to};
}
constexpr std::nullopt_t open = std::nullopt;
} // namespace

Q_DECLARE_METATYPE(TimeRange)

class TestCoverage : public QObject
{
    Q_OBJECT
private slots:
    void contains_data();
    void contains();
    void unite_data();
    void unite();
    void clipBelow_data();
    void clipBelow();
    void split_data();
    void split();
    void heldAsOfRefresh_data();
    void heldAsOfRefresh();
};

void TestCoverage::contains_data()
{
    QTest::addColumn<TimeRange>("range");
    QTest::addColumn<std::optional<qint64>>("start");
    QTest::addColumn<bool>("inside");
    QTest::newRow("inside") << r(10, 20) << std::optional<qint64>(15) << true;
    QTest::newRow("both ends inclusive") << r(10, 20) << std::optional<qint64>(20) << true;
    QTest::newRow("below") << r(10, 20) << std::optional<qint64>(9) << false;
    QTest::newRow("no start time, bounded below")
        << r(10, open) << std::optional<qint64>() << false;
    QTest::newRow("no start time, unbounded below")
        << r(open, 20) << std::optional<qint64>() << true;
    QTest::newRow("unbounded") << r(open, open) << std::optional<qint64>(-5) << true;
}

void TestCoverage::contains()
{
    QFETCH(TimeRange, range);
    QFETCH(std::optional<qint64>, start);
    QFETCH(bool, inside);
    QCOMPARE(range.contains(start), inside);
}

void TestCoverage::unite_data()
{
    QTest::addColumn<Ranges>("coverage");
    QTest::addColumn<TimeRange>("add");
    QTest::addColumn<Ranges>("expected");
    QTest::newRow("first") << Ranges {} << r(10, 20) << Ranges {r(10, 20)};
    QTest::newRow("disjoint, newest first")
        << Ranges {r(10, 20)} << r(30, 40) << Ranges {r(30, 40), r(10, 20)};
    QTest::newRow("touching ms merge") << Ranges {r(10, 20)} << r(21, 40) << Ranges {r(10, 40)};
    QTest::newRow("a gap of one ms stays")
        << Ranges {r(10, 20)} << r(22, 40) << Ranges {r(22, 40), r(10, 20)};
    QTest::newRow("bridges two") << Ranges {r(50, 60), r(10, 20)} << r(15, 55)
                                 << Ranges {r(10, 60)};
    QTest::newRow("inside changes nothing")
        << Ranges {r(10, 60)} << r(15, 55) << Ranges {r(10, 60)};
    QTest::newRow("unbounded below") << Ranges {r(10, 60)} << r(open, 12) << Ranges {r(open, 60)};
    QTest::newRow("unbounded above") << Ranges {r(10, 60)} << r(61, open) << Ranges {r(10, open)};
    QTest::newRow("empty range ignored") << Ranges {r(10, 60)} << r(80, 70) << Ranges {r(10, 60)};
}

void TestCoverage::unite()
{
    QFETCH(Ranges, coverage);
    QFETCH(TimeRange, add);
    QFETCH(Ranges, expected);
    QCOMPARE(syncdeck::cache::unite(coverage, add), expected);
}

void TestCoverage::clipBelow_data()
{
    QTest::addColumn<Ranges>("coverage");
    QTest::addColumn<qint64>("cutoff");
    QTest::addColumn<Ranges>("expected");
    QTest::newRow("cut through") << Ranges {r(open, 60)} << qint64(30) << Ranges {r(30, 60)};
    QTest::newRow("drops below") << Ranges {r(50, 60), r(10, 20)} << qint64(30)
                                 << Ranges {r(50, 60)};
    QTest::newRow("above untouched") << Ranges {r(50, open)} << qint64(30) << Ranges {r(50, open)};
}

void TestCoverage::clipBelow()
{
    QFETCH(Ranges, coverage);
    QFETCH(qint64, cutoff);
    QFETCH(Ranges, expected);
    QCOMPARE(syncdeck::cache::clipBelow(coverage, cutoff), expected);
}

void TestCoverage::split_data()
{
    QTest::addColumn<TimeRange>("query");
    QTest::addColumn<Ranges>("coverage");
    QTest::addColumn<Pieces>("expected");
    QTest::newRow("nothing held") << r(open, open) << Ranges {} << Pieces {{r(open, open), false}};
    QTest::newRow("all held") << r(open, open) << Ranges {r(open, open)}
                              << Pieces {{r(open, open), true}};
    QTest::newRow("top held, rest from the service")
        << r(open, open) << Ranges {r(100, open)}
        << Pieces {{r(100, open), true}, {r(open, 99), false}};
    QTest::newRow("window inside held")
        << r(120, 150) << Ranges {r(100, 200)} << Pieces {{r(120, 150), true}};
    QTest::newRow("window across the bottom edge")
        << r(50, 150) << Ranges {r(100, 200)} << Pieces {{r(100, 150), true}, {r(50, 99), false}};
    QTest::newRow("window across the top edge")
        << r(150, 250) << Ranges {r(100, 200)}
        << Pieces {{r(201, 250), false}, {r(150, 200), true}};
    QTest::newRow("gap between two held ranges")
        << r(open, open) << Ranges {r(300, open), r(open, 100)}
        << Pieces {{r(300, open), true}, {r(101, 299), false}, {r(open, 100), true}};
    QTest::newRow("below everything held")
        << r(10, 20) << Ranges {r(100, open)} << Pieces {{r(10, 20), false}};
    QTest::newRow("empty query") << r(20, 10) << Ranges {r(open, open)} << Pieces {};
}

void TestCoverage::split()
{
    QFETCH(TimeRange, query);
    QFETCH(Ranges, coverage);
    QFETCH(Pieces, expected);
    const Pieces pieces = syncdeck::cache::split(query, coverage);
    QCOMPARE(pieces, expected);
}

void TestCoverage::heldAsOfRefresh_data()
{
    QTest::addColumn<Ranges>("coverage");
    QTest::addColumn<qint64>("newest");
    QTest::addColumn<Ranges>("expected");
    QTest::newRow("whole history up to the newest job: all time")
        << Ranges {r(open, 500)} << qint64(500) << Ranges {r(open, open)};
    QTest::newRow("newest job inside the newest range")
        << Ranges {r(open, 100), r(300, 500)} << qint64(450) << Ranges {r(300, open), r(open, 100)};
    QTest::newRow("the newest job is not held: nothing more")
        << Ranges {r(open, 400)} << qint64(500) << Ranges {r(open, 400)};
    QTest::newRow("the newest range starts after the newest job")
        << Ranges {r(600, 700), r(open, 400)} << qint64(500) << Ranges {r(600, 700), r(open, 400)};
    QTest::newRow("nothing held") << Ranges {} << qint64(500) << Ranges {};
}

void TestCoverage::heldAsOfRefresh()
{
    QFETCH(Ranges, coverage);
    QFETCH(qint64, newest);
    QFETCH(Ranges, expected);
    QCOMPARE(syncdeck::cache::heldAsOfRefresh(coverage, newest), expected);
}

QTEST_GUILESS_MAIN(TestCoverage)
#include "tst_coverage.moc"
