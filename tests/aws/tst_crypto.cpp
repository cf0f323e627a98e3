// Known-answer tests of the OpenSSL primitives: FIPS 180-2 SHA-256 and RFC 4231 HMAC-SHA256.
#include "aws/crypto.h"
#include "aws/hmacsha256.h"

#include <QTest>

using namespace syncdeck::aws;

class TestCrypto : public QObject
{
    Q_OBJECT
private slots:
    void sha256_data();
    void sha256();
    void hmacSha256_data();
    void hmacSha256();
    void preparedKey_data();
    void preparedKey();
    void toHex();
};

void TestCrypto::sha256_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("digestHex");
    QTest::newRow("empty")
        << QByteArray()
        << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray(
        "abc") << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("448 bits")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("one million a")
        << QByteArray(1000000, 'a')
        << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

void TestCrypto::sha256()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, digestHex);
    QCOMPARE(crypto::sha256(input).toHex(), digestHex);
    QCOMPARE(crypto::sha256Hex(input), digestHex);
    QCOMPARE(crypto::sha256(input).size(), crypto::Sha256Size);
}

void TestCrypto::hmacSha256_data()
{
    // RFC 4231 section 4, test cases 1-7 (case 5 is truncated to 128 bits by the RFC).
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("macHex");
    QTest::newRow("rfc4231 case 1")
        << QByteArray(20, '\x0b') << QByteArray("Hi There")
        << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    QTest::newRow("rfc4231 case 2")
        << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
        << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    QTest::newRow("rfc4231 case 3")
        << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
        << QByteArray("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    QTest::newRow("rfc4231 case 4")
        << QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10111213141516171819")
        << QByteArray(50, '\xcd')
        << QByteArray("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    QTest::newRow("rfc4231 case 5 (truncated)")
        << QByteArray(20, '\x0c') << QByteArray("Test With Truncation")
        << QByteArray("a3b6167473100ee06e0c796c2955552b");
    QTest::newRow("rfc4231 case 6")
        << QByteArray(131, '\xaa')
        << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
        << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    QTest::newRow("rfc4231 case 7")
        << QByteArray(131, '\xaa')
        << QByteArray("This is a test using a larger than block-size key and a larger than "
                      "block-size data. The key needs to be hashed before being used by the "
                      "HMAC algorithm.")
        << QByteArray("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    QTest::newRow("empty key and data")
        << QByteArray() << QByteArray()
        << QByteArray("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

void TestCrypto::hmacSha256()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, macHex);
    const QByteArray mac = crypto::hmacSha256(key, data).toHex();
    QCOMPARE(mac.first(macHex.size()), macHex);
    QCOMPARE(mac.size(), 64);
    // The same thread-local context serves every call: a second run must not see the first.
    QCOMPARE(crypto::hmacSha256(key, data).toHex(), mac);
    QCOMPARE(crypto::hmacSha256(QByteArray("other"), data).toHex() == mac, false);
}

void TestCrypto::preparedKey_data()
{
    hmacSha256_data();
}

void TestCrypto::preparedKey()
{
    // One prepared key, many messages: each MAC must start again from the key, never from the
    // state the previous message left.
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, macHex);
    crypto::HmacSha256 prepared(key);
    for (int i = 0; i < 3; ++i) {
        const crypto::Digest d = prepared.mac(data);
        const QByteArray hex
            = QByteArray(reinterpret_cast<const char *>(d.data()), crypto::Sha256Size).toHex();
        QCOMPARE(hex.first(macHex.size()), macHex);
        const crypto::Digest other = prepared.mac("something else");
        QCOMPARE(other, crypto::hmacSha256Digest(key, "something else"));
    }
    crypto::HmacSha256 moved = std::move(prepared);
    QCOMPARE(moved.mac(data), crypto::hmacSha256Digest(key, data));
}

void TestCrypto::toHex()
{
    char out[8];
    crypto::toHex(QByteArrayView("\x00\x7f\x80\xff", 4), out);
    QCOMPARE(QByteArrayView(out, 8), QByteArrayView("007f80ff"));
    const crypto::Digest abc = crypto::sha256Digest("abc");
    QCOMPARE(
        QByteArray(reinterpret_cast<const char *>(abc.data()), crypto::Sha256Size),
        QByteArray::fromHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
