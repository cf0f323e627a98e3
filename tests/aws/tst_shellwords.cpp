// credential_process command lines are split like a POSIX shell (shlex) would.
#include "aws/shellwords.h"

#include <QTest>

using syncdeck::aws::splitShellWords;

class TestShellWords : public QObject
{
    Q_OBJECT
private slots:
    void split_data();
    void split();
    void errors_data();
    void errors();
};

void TestShellWords::split_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("arguments");
    auto list = [](std::initializer_list<const char *> items) {
        QStringList l;
        for (const char *i : items)
            l.append(QString::fromUtf8(i));
        return l;
    };
    QTest::newRow("words") << "/bin/helper --profile dev"
                           << list({"/bin/helper", "--profile", "dev"});
    QTest::newRow("extra whitespace") << "  a \t b  " << list({"a", "b"});
    QTest::newRow("single quotes literal") << "a 'b c' 'd\\e'" << list({"a", "b c", "d\\e"});
    QTest::newRow("double quotes") << "a \"b c\" \"d\\\"e\"" << list({"a", "b c", "d\"e"});
    QTest::newRow("double quotes keep other backslashes") << "\"a\\nb\"" << list({"a\\nb"});
    QTest::newRow("backslash escapes space") << "my\\ helper arg" << list({"my helper", "arg"});
    QTest::newRow("adjacent quoting joins") << "a'b'\"c\"d" << list({"abcd"});
    QTest::newRow("empty quoted argument") << "a '' b" << list({"a", "", "b"});
    QTest::newRow("no expansion") << "echo $HOME ~ *" << list({"echo", "$HOME", "~", "*"});
    QTest::newRow("path with spaces")
        << "\"/opt/My Tools/get creds\" --json" << list({"/opt/My Tools/get creds", "--json"});
}

void TestShellWords::split()
{
    QFETCH(QString, command);
    QStringList arguments;
    QString error;
    QVERIFY2(splitShellWords(command, &arguments, &error), qPrintable(error));
    QTEST(arguments, "arguments");
}

void TestShellWords::errors_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("error");
    QTest::newRow("unclosed single") << "a 'b"
                                     << "single quote";
    QTest::newRow("unclosed double") << "a \"b"
                                     << "double quote";
    QTest::newRow("trailing backslash") << "a \\"
                                        << "lone backslash";
    QTest::newRow("empty") << "   "
                           << "empty";
}

void TestShellWords::errors()
{
    QFETCH(QString, command);
    QFETCH(QString, error);
    QStringList arguments;
    QString message;
    QVERIFY(!splitShellWords(command, &arguments, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestShellWords)
#include "tst_shellwords.moc"
