#pragma once

// Hex digits, for every decoder of %XX (SigV4's percent-decoding) and \uXXXX (JSON) escapes.
namespace syncdeck::aws {

// The value of one hex digit of either case; -1 when `c` is not one.
constexpr int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace syncdeck::aws
