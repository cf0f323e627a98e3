#pragma once

#include "options.h"

class QCommandLineParser;

// The syncdeck-emulator command line, kept here so main.cpp stays a composition root and
// --demo front ends can reuse the same names.
namespace syncdeck::emulator {

void addCommandLineOptions(QCommandLineParser *parser);
// Reads the parsed values into *options and *port. False with *error naming the option and the
// accepted values when one is bad.
bool optionsFromCommandLine(const QCommandLineParser &parser, Options *options, quint16 *port,
                            QString *error);

} // namespace syncdeck::emulator
