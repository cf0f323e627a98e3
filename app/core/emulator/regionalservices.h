#pragma once

#include "httpmessage.h"

#include <QString>

// The emulator serves more than one region (--regions) on one port, as one endpoint URL that
// clients sign for different regions: each region has its own data and its own rate limit,
// and a request goes to the region its credential scope names.
namespace syncdeck::emulator {

// The region of the request's SigV4 credential scope (Authorization header or
// X-Amz-Credential query parameter); empty when it has none.
QString credentialScopeRegion(const HttpRequest &request);

// A seed for region `index` (0: the first region keeps `seed`), so every region's data differs.
quint64 regionSeed(quint64 seed, int index);

} // namespace syncdeck::emulator
