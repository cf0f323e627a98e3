#pragma once

// The byte-level tools of the signer, shared by its stages: one character-class table lookup per
// byte instead of chains of comparisons, case-insensitive comparisons without copies, and the
// bounded writer every stage writes into. Internal to the signer (sigv4*.cpp).

#include "hexdigits.h"

#include <QByteArrayView>

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

namespace syncdeck::aws::sigv4::detail {

// One table lookup per byte on the hot path instead of chains of comparisons.
enum CharClass : unsigned char {
    Unreserved = 1, // RFC 3986: A-Z a-z 0-9 - . _ ~
    Space = 2, // what SigV4 trims and collapses in header values
    TokenChar = 4, // RFC 9110 tchar: methods and header names
};

constexpr std::array<unsigned char, 256> makeCharClasses()
{
    std::array<unsigned char, 256> t {};
    for (int c = 0; c < 256; ++c) {
        const bool alnum
            = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum || c == '-' || c == '.' || c == '_' || c == '~')
            t[size_t(c)] |= Unreserved;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
            t[size_t(c)] |= Space;
        if (alnum || std::string_view("!#$%&'*+-.^_`|~").find(char(c)) != std::string_view::npos)
            t[size_t(c)] |= TokenChar;
    }
    return t;
}

inline constexpr std::array<unsigned char, 256> CharClasses = makeCharClasses();

constexpr bool is(char c, CharClass cls)
{
    return (CharClasses[static_cast<unsigned char>(c)] & cls) != 0;
}

constexpr bool isUnreserved(char c)
{
    return is(c, Unreserved);
}

constexpr bool isSpace(char c)
{
    return is(c, Space);
}

inline constexpr char HexUpper[] = "0123456789ABCDEF";

constexpr char toLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

inline bool isToken(QByteArrayView v)
{
    return !v.isEmpty() && std::all_of(v.begin(), v.end(), [](char c) { return is(c, TokenChar); });
}

inline QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && isSpace(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && isSpace(v.back()))
        v.chop(1);
    return v;
}

inline bool equalsIgnoringCase(QByteArrayView a, QByteArrayView lowercase)
{
    if (a.size() != lowercase.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (toLower(a[i]) != lowercase[i])
            return false;
    }
    return true;
}

// Byte order of the lowercased names (memcmp order: bytes compare unsigned).
inline int compareIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(toLower(a[i]));
        const auto y = static_cast<unsigned char>(toLower(b[i]));
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

inline std::string_view sv(QByteArrayView v)
{
    return {v.data(), size_t(v.size())};
}

// Writes into memory reserved beforehand: every caller sizes the buffer by an upper bound, so the
// hot path appends without checks or reallocations.
class BoundedWriter
{
public:
    explicit BoundedWriter(char *begin)
        : m_begin(begin)
        , m_p(begin)
    { }
    void put(char c) { *m_p++ = c; }
    void put(QByteArrayView v)
    {
        if (!v.isEmpty())
            std::memcpy(m_p, v.data(), size_t(v.size()));
        m_p += v.size();
    }
    void putEscaped(char c)
    {
        const auto b = static_cast<unsigned char>(c);
        *m_p++ = '%';
        *m_p++ = HexUpper[b >> 4];
        *m_p++ = HexUpper[b & 0xF];
    }
    void putLowercase(QByteArrayView v)
    {
        for (char c : v)
            *m_p++ = toLower(c);
    }
    // Header value: trimmed, runs of white space (folded lines too) collapsed to one space.
    // Copies runs of non-space bytes at once: session tokens and next tokens are long.
    void putCollapsed(QByteArrayView v)
    {
        const char *p = v.data();
        const char *end = p + v.size();
        while (p < end && isSpace(*p))
            ++p;
        while (end > p && isSpace(end[-1]))
            --end;
        while (p < end) {
            const char *run = p;
            while (p < end && !isSpace(*p))
                ++p;
            put(QByteArrayView(run, p - run));
            if (p < end) {
                *m_p++ = ' ';
                while (isSpace(*p))
                    ++p; // stops before `end`: the value was trimmed
            }
        }
    }
    void unput() { --m_p; }
    qsizetype size() const { return m_p - m_begin; }

private:
    char *m_begin;
    char *m_p;
};

} // namespace syncdeck::aws::sigv4::detail
