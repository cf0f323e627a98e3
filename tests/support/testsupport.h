#pragma once

#include <QString>

namespace syncdeck::test {

// The folder with AWS reference data (shared/reference), or an empty string when it is absent:
// tests that need it QSKIP with a message naming the folder they looked in.
QString sharedReferenceDir();
// A message for QSKIP when sharedReferenceDir() is empty.
QString sharedReferenceMissingMessage();

} // namespace syncdeck::test
