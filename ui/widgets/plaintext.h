#pragma once

#include <QString>

class QLabel;

namespace syncdeck::ui {

// Text from the network (or any file SyncDeck did not write) shown as plain text. Qt guesses
// rich text from a string that looks like HTML (Qt::mightBeRichText): a tooltip or label holding
// a server's "<img src=file:///…>" or "<a href>" would load local files and show links. Every
// tooltip, label and dialog text that can hold such text goes through here.

// A tooltip that shows `text` verbatim: unchanged when Qt would not take it for rich text,
// otherwise escaped into rich text that reads exactly as `text` (line breaks kept).
QString plainToolTip(const QString &text);
// Sets `text` on `label` as plain text, whatever it looks like.
void setPlainText(QLabel *label, const QString &text);
// Text for an OS notification: freedesktop notification servers read a subset of HTML in the
// body, other platforms show it verbatim.
QString plainNotificationText(const QString &text);

} // namespace syncdeck::ui
