// Runs a fuzz target's LLVMFuzzerTestOneInput over files, without libFuzzer: the `fuzz` ctest
// label replays every committed seed and regression input this way in every build (with the
// sanitizers of the build, if any). Arguments are files or folders (read recursively); a
// folder that does not exist counts as empty, but finding no input at all is a failure, so that
// a wrong path cannot make a test that always passes.
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

QStringList inputsOf(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return {path};
    QStringList files;
    QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    int count = 0;
    for (int i = 1; i < argc; ++i) {
        for (const QString &file : inputsOf(QFile::decodeName(argv[i]))) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s: %s\n", qPrintable(file),
                             qPrintable(f.errorString()));
                return 1;
            }
            const QByteArray input = f.readAll();
            // Printed before the run, so that a crash names its input.
            std::fprintf(stderr, "%s\n", qPrintable(file));
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()),
                                   size_t(input.size()));
            ++count;
        }
    }
    std::printf("%d inputs replayed without a crash or a broken invariant\n", count);
    if (count == 0) {
        std::fprintf(stderr, "no input found in the given paths\n");
        return 1;
    }
    return 0;
}
