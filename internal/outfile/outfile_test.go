package outfile

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// text returns a write function that writes s.
func text(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

var errExport = errors.New("export failed")

// failing writes part of an output, then fails.
func failing(w io.Writer) error {
	io.WriteString(w, "half")
	return errExport
}

func umask() fs.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return fs.FileMode(m)
}

// names lists the entries of dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// TestWriteRegular: new and existing files, with and without errors.
func TestWriteRegular(t *testing.T) {
	tests := []struct {
		name     string
		existing string      // content of the file before, if any
		mode     fs.FileMode // its mode
		write    func(io.Writer) error
		err      string
		want     string      // content after
		wantMode fs.FileMode // mode after
	}{
		{name: "new file", write: text("new"), want: "new", wantMode: 0o666 &^ umask()},
		{name: "replaces and keeps 0600", existing: "old", mode: 0o600, write: text("new"), want: "new", wantMode: 0o600},
		{name: "keeps 0640", existing: "old", mode: 0o640, write: text("new"), want: "new", wantMode: 0o640},
		{name: "keeps 0755", existing: "old", mode: 0o755, write: text("new"), want: "new", wantMode: 0o755},
		{name: "failed write keeps the file", existing: "old", mode: 0o600, write: failing, err: "export failed", want: "old", wantMode: 0o600},
		{name: "read-only is refused", existing: "old", mode: 0o444, write: text("new"), err: "is read-only (mode -r--r--r--): it is not replaced", want: "old", wantMode: 0o444},
		{name: "read-only 0400 is refused", existing: "old", mode: 0o400, write: text("new"), err: "is read-only", want: "old", wantMode: 0o400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.xlsx")
			if tt.existing != "" {
				require.NoError(t, os.WriteFile(path, []byte(tt.existing), 0o600))
				require.NoError(t, os.Chmod(path, tt.mode))
			}
			err := Write(path, tt.write)
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				if !errors.Is(err, errExport) {
					assert.Contains(t, err.Error(), path, "a refusal names the file")
				}
			} else {
				require.NoError(t, err)
			}
			assert.Equal(t, tt.want, read(t, path))
			fi, err := os.Stat(path)
			require.NoError(t, err)
			assert.Equal(t, tt.wantMode, fi.Mode())
			assert.Equal(t, []string{"out.xlsx"}, names(t, dir), "no temporary file is left")
		})
	}
}

func TestWriteFailedNewFileLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	err := Write(filepath.Join(dir, "out.json"), failing)
	require.ErrorIs(t, err, errExport)
	assert.Empty(t, names(t, dir))
}

func TestWriteMissingDirectory(t *testing.T) {
	err := Write(filepath.Join(t.TempDir(), "missing", "out.json"), text("x"))
	require.ErrorIs(t, err, fs.ErrNotExist)
}

func TestWriteDirectoryRefused(t *testing.T) {
	dir := t.TempDir()
	called := false
	err := Write(dir, func(io.Writer) error { called = true; return nil })
	require.Error(t, err)
	assert.Contains(t, err.Error(), dir+" is a directory")
	assert.False(t, called)
}

func TestWriteHardLinkRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o644))
	require.NoError(t, os.Link(path, filepath.Join(dir, "other.json")))
	called := false
	err := Write(path, func(io.Writer) error { called = true; return nil })
	require.Error(t, err)
	assert.Contains(t, err.Error(), path+" has 2 hard links: it is not replaced")
	assert.False(t, called, "refused before the export runs")
	assert.Equal(t, "old", read(t, path))
	assert.Equal(t, "old", read(t, filepath.Join(dir, "other.json")))
}

func TestWriteSetuidKept(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))
	require.NoError(t, os.Chmod(path, 0o750|fs.ModeSetgid))
	require.NoError(t, Write(path, text("new")))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, 0o750|fs.ModeSetgid, fi.Mode())
}

// TestWriteKeepsOwner needs root, to give a file to another owner.
func TestWriteKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give the file to another owner")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "out")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o640))
	require.NoError(t, os.Chown(path, 1234, 5678))
	require.NoError(t, Write(path, text("new")))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	st := fi.Sys().(*syscall.Stat_t)
	assert.Equal(t, [2]uint32{1234, 5678}, [2]uint32{st.Uid, st.Gid})
	assert.Equal(t, fs.FileMode(0o640), fi.Mode())
	assert.Equal(t, "new", read(t, path))
}

func TestWriteSymlink(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	require.NoError(t, os.Mkdir(sub, 0o755))
	target := filepath.Join(sub, "real.xlsx")
	require.NoError(t, os.WriteFile(target, []byte("old"), 0o600))
	link := filepath.Join(dir, "link.xlsx")
	require.NoError(t, os.Symlink("sub/real.xlsx", link))
	chain := filepath.Join(dir, "chain.xlsx")
	require.NoError(t, os.Symlink("link.xlsx", chain))

	require.NoError(t, Write(chain, text("new")))
	assert.Equal(t, "new", read(t, target), "the target is written")
	for _, l := range []string{link, chain} {
		li, err := os.Lstat(l)
		require.NoError(t, err)
		assert.Equal(t, fs.ModeSymlink, li.Mode().Type(), "%s stays a link", l)
	}
	fi, err := os.Stat(target)
	require.NoError(t, err)
	assert.Equal(t, fs.FileMode(0o600), fi.Mode())
	assert.Equal(t, []string{"real.xlsx"}, names(t, sub))

	require.ErrorIs(t, Write(link, failing), errExport)
	assert.Equal(t, "new", read(t, target))
	assert.Equal(t, []string{"real.xlsx"}, names(t, sub))
}

func TestWriteDanglingSymlinkRefused(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.xlsx")
	require.NoError(t, os.Symlink("nowhere.xlsx", link))
	err := Write(link, text("new"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), link+" is a symbolic link to nowhere.xlsx, which does not exist")
	assert.Equal(t, []string{"link.xlsx"}, names(t, dir))
}

// TestWriteDevNullThroughLink: a link to /dev/null is written through; the
// device stays a device.
func TestWriteDevNullThroughLink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "null")
	require.NoError(t, os.Symlink("/dev/null", link))
	t.Setenv("TMPDIR", t.TempDir())
	require.NoError(t, Write(link, text("discarded")))
	fi, err := os.Stat("/dev/null")
	require.NoError(t, err)
	assert.Equal(t, fs.ModeDevice|fs.ModeCharDevice, fi.Mode().Type())
	li, err := os.Lstat(link)
	require.NoError(t, err)
	assert.Equal(t, fs.ModeSymlink, li.Mode().Type())
	assert.Empty(t, names(t, os.TempDir()), "the spool is removed")
}

// fifo makes a named pipe and reads it whole in the background.
func fifo(t *testing.T) (path string, got <-chan string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "pipe")
	require.NoError(t, syscall.Mkfifo(path, 0o600))
	c := make(chan string, 1)
	go func() {
		f, err := os.Open(path)
		if err != nil {
			c <- "open: " + err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		c <- string(b)
	}()
	return path, c
}

func TestWriteFIFO(t *testing.T) {
	tests := []struct {
		name  string
		write func(io.Writer) error
		err   error
		want  string
	}{
		{"whole output", text("through the pipe"), nil, "through the pipe"},
		{"failed output sends nothing", failing, errExport, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("TMPDIR", t.TempDir())
			path, got := fifo(t)
			err := Write(path, tt.write)
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
			} else {
				require.NoError(t, err)
			}
			select {
			case s := <-got:
				assert.Equal(t, tt.want, s)
			case <-time.After(10 * time.Second):
				t.Fatal("the pipe was not closed")
			}
			fi, err := os.Lstat(path)
			require.NoError(t, err)
			assert.Equal(t, fs.ModeNamedPipe, fi.Mode().Type(), "the FIFO stays a FIFO")
			assert.Empty(t, names(t, os.TempDir()), "the spool is removed")
		})
	}
}

func TestSpool(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	var b bytes.Buffer
	require.NoError(t, Spool(&b, text("all of it")))
	assert.Equal(t, "all of it", b.String())
	b.Reset()
	require.ErrorIs(t, Spool(&b, failing), errExport)
	assert.Empty(t, b.String(), "nothing of a failed output")
	assert.Empty(t, names(t, os.TempDir()))
}

func TestSignalsRestoredAfterWrite(t *testing.T) {
	require.NoError(t, Write(filepath.Join(t.TempDir(), "x"), text("x")))
	mu.Lock()
	defer mu.Unlock()
	assert.Nil(t, signals, "no signal is caught once no temporary file exists")
	assert.Empty(t, pending)
}

// The helper process of TestSignal: it writes to $OUTFILE_TARGET, writing
// $OUTFILE_SIZE bytes, then, for a regular file, says "ready" and waits.
func TestMain(m *testing.M) {
	if target := os.Getenv("OUTFILE_TARGET"); target != "" {
		err := Write(target, func(w io.Writer) error {
			if _, err := w.Write(bytes.Repeat([]byte("x"), 1<<20)); err != nil {
				return err
			}
			if os.Getenv("OUTFILE_WAIT") != "" {
				os.Stdout.WriteString("ready\n")
				time.Sleep(time.Minute)
			}
			return nil
		})
		if err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestFdOf(t *testing.T) {
	tests := []struct {
		path string
		fd   int
		ok   bool
	}{
		{"/dev/stdout", 1, true}, {"/dev/stderr", 2, true}, {"/dev/fd/63", 63, true},
		{"/proc/self/fd/3", 3, true}, {"/dev/fd/../fd/4", 4, true},
		{"/dev/fd/x", 0, false}, {"/dev/fd/07", 0, false}, {"/dev/fd/-1", 0, false},
		{"/dev/null", 0, false}, {"dev/stdout", 0, false}, {"/tmp/fd/3", 0, false},
	}
	for _, tt := range tests {
		fd, ok := fdOf(tt.path)
		assert.Equal(t, tt.ok, ok, tt.path)
		if tt.ok {
			assert.Equal(t, tt.fd, fd, tt.path)
		}
	}
}

// TestWriteDevStdoutAppends: /dev/stdout is the descriptor the process has,
// here a file opened to append: what it held stays, and it is not replaced.
func TestWriteDevStdoutAppends(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "log")
	require.NoError(t, os.WriteFile(path, []byte("old\n"), 0o600))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	require.NoError(t, err)
	defer f.Close()
	before, err := os.Stat(path)
	require.NoError(t, err)
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "OUTFILE_TARGET=/dev/stdout", "TMPDIR="+t.TempDir())
	var errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = f, &errOut
	require.NoError(t, cmd.Run(), errOut.String())
	assert.Equal(t, "old\n"+strings.Repeat("x", 1<<20), read(t, path))
	after, err := os.Stat(path)
	require.NoError(t, err)
	assert.True(t, os.SameFile(before, after), "the file is not replaced")
	assert.Equal(t, []string{"log"}, names(t, dir))
}

// helper starts the test binary as a process that writes to target.
func helper(t *testing.T, target, tmpdir string, wait bool) (*exec.Cmd, *bufio.Reader) {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), "OUTFILE_TARGET="+target, "TMPDIR="+tmpdir)
	if wait {
		cmd.Env = append(cmd.Env, "OUTFILE_WAIT=1")
	}
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, bufio.NewReader(out)
}

// ended asserts that the process ended by sig, or exited with 128+sig.
func ended(t *testing.T, cmd *exec.Cmd, sig syscall.Signal) {
	t.Helper()
	err := cmd.Wait()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee)
	ws := ee.Sys().(syscall.WaitStatus)
	if ws.Signaled() {
		assert.Equal(t, sig, ws.Signal())
	} else {
		assert.Equal(t, 128+int(sig), ws.ExitStatus())
	}
}

// TestSignal: a signal while the output is written removes the temporary
// file, leaves the target as it was, and ends the process by the signal.
func TestSignal(t *testing.T) {
	t.Run("SIGTERM while a file is written", func(t *testing.T) {
		dir := t.TempDir()
		target := filepath.Join(dir, "out.xlsx")
		require.NoError(t, os.WriteFile(target, []byte("old"), 0o600))
		cmd, out := helper(t, target, t.TempDir(), true)
		line, err := out.ReadString('\n')
		require.NoError(t, err)
		require.Equal(t, "ready\n", line)
		entries := names(t, dir)
		require.Len(t, entries, 2, "the temporary file is being written")
		assert.True(t, strings.HasPrefix(entries[0], ".out.xlsx.tmp-"), entries)
		require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
		ended(t, cmd, syscall.SIGTERM)
		assert.Equal(t, []string{"out.xlsx"}, names(t, dir), "the temporary file is removed")
		assert.Equal(t, "old", read(t, target))
	})
	t.Run("SIGINT while a FIFO is read slowly", func(t *testing.T) {
		tmpdir := t.TempDir()
		path := filepath.Join(t.TempDir(), "pipe")
		require.NoError(t, syscall.Mkfifo(path, 0o600))
		cmd, _ := helper(t, path, tmpdir, false)
		f, err := os.Open(path)
		require.NoError(t, err)
		defer f.Close()
		buf := make([]byte, 10)
		_, err = io.ReadFull(f, buf) // the copy has begun: the spool is whole
		require.NoError(t, err)
		require.Len(t, names(t, tmpdir), 1, "the spool exists while the pipe is read")
		require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
		ended(t, cmd, syscall.SIGINT)
		assert.Empty(t, names(t, tmpdir), "the spool is removed")
	})
}
