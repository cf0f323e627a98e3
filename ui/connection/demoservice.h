#pragma once

#include "aws/credentials.h"

#include <QString>
#include <QUrl>

namespace syncdeck::ui {

// The built-in demo service as the window sees it: somewhere to connect, with its own keys and
// region. The composition root provides it (app/gui runs the emulator in this process), so ui/
// neither includes nor links the emulator.
class DemoService
{
public:
    struct Endpoint
    {
        QUrl url;
        QString region;
        aws::Credentials credentials;
    };
    struct Failure
    {
        QString message; // what went wrong
        QString nextStep; // what to do about it
    };

    virtual ~DemoService() = default;

    // Starts the service on first use and says where it answers; later calls give the same
    // endpoint. False, with *failure set, when it cannot start.
    virtual bool start(Endpoint *endpoint, Failure *failure) = 0;
};

} // namespace syncdeck::ui
