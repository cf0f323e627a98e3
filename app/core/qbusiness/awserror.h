#pragma once

#include "aws/awserror.h"

namespace syncdeck::qbusiness {
// A failed call of any AWS service SyncDeck talks to (defined once, in the aws layer).
using aws::AwsError;
} // namespace syncdeck::qbusiness
