#include "filedialog.h"

#include <QFileDialog>

#include <utility>

namespace syncdeck::ui {

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption,
                                    const QString &fileName, const QString &filter)
{
    if (!m_nextFileName.isEmpty())
        return std::exchange(m_nextFileName, {});
    return QFileDialog::getSaveFileName(parent, caption, fileName, filter);
}

void FileDialog::setNextFileName(const QString &fileName)
{
    m_nextFileName = fileName;
}

FileDialog *fileDialog()
{
    static FileDialog instance;
    return &instance;
}

} // namespace syncdeck::ui
