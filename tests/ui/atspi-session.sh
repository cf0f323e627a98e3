#!/bin/sh
# atspi-session.sh <at-spi-bus-launcher> <test> [args]: runs the test with an accessibility bus
# of its own (inside xvfb-run and dbus-run-session), so that Qt's AT-SPI bridge is active and
# the window's accessibility events are delivered as they are to a screen reader.
launcher=$1
shift
"$launcher" --launch-immediately &
bus=$!
"$@"
status=$?
kill "$bus"
exit $status
