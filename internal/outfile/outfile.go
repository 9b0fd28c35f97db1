// Package outfile writes an output file with care: a file is replaced only
// when the whole output was written, keeping what the file was.
//
// Write handles the file it is given according to what it is:
//
//   - A new file is written to a temporary file in the same directory, synced
//     and renamed into place. It gets the mode 0666 less the process's umask,
//     as a shell redirection or os.Create would give it.
//   - An existing regular file is replaced the same way, and the new file
//     keeps the old one's mode (permission bits, setuid, setgid, sticky) and
//     owner and group. If the owner or group cannot be kept, the file is not
//     replaced.
//   - A symbolic link is followed: the file it leads to is replaced, and the
//     link stays a link. A link that leads nowhere is refused.
//   - /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N are written to
//     the descriptor the process already has open, as a shell does: at its
//     offset, appending if it was opened to append, never replaced.
//   - A device, FIFO or socket (such as /dev/null or a named pipe) cannot
//     be renamed over: it is written through. The output is
//     first written in full to a temporary file in os.TempDir and copied to
//     the device only once it is complete, so a failed write sends nothing.
//   - A read-only file (no write permission bit, or one this process may not
//     write) is refused with an error, not replaced.
//   - A file with several hard links is refused with an error: replacing it
//     would part it from its other names, and writing it in place could leave
//     it half written. Remove the other links, or write to another name.
//
// On any error, and on SIGINT or SIGTERM while a temporary file exists, the
// temporary file is removed. After a signal the process ends as the signal
// would have ended it (the signal is raised again with its default action;
// should that not end the process, it exits with 128 plus the signal's
// number: 130 for SIGINT, 143 for SIGTERM). A temporary file is named after
// its target, ".NAME.tmp-" and a number, in the target's directory.
package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Write writes the output that write makes to the file named path, as the
// package documentation describes: the file is replaced, or written through,
// only when write returns nil. Write refuses a read-only file, a file with
// several hard links, a directory and a symbolic link to nothing before it
// calls write.
func Write(path string, write func(io.Writer) error) error {
	if fd, ok := fdOf(path); ok {
		return toDescriptor(fd, path, write)
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if li, lerr := os.Lstat(path); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(path)
			return fmt.Errorf("%s is a symbolic link to %s, which does not exist", path, target)
		}
		return replace(path, nil, write)
	case err != nil:
		return err
	case fi.IsDir():
		return fmt.Errorf("%s is a directory", path)
	case !fi.Mode().IsRegular():
		return through(path, write)
	}
	if err := writable(path, fi); err != nil {
		return err
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	if ti, err := os.Stat(target); err != nil || !os.SameFile(fi, ti) {
		// A link that does not name its file, as a link into /proc may not:
		// write to what it opens.
		return through(path, write)
	}
	return replace(target, fi, write)
}

// fdOf returns the descriptor that path names when it is a name of a file
// the process has open: /dev/stdout, /dev/stderr, /dev/fd/N or
// /proc/self/fd/N.
func fdOf(path string) (int, bool) {
	switch path = filepath.Clean(path); path {
	case "/dev/stdout":
		return 1, true
	case "/dev/stderr":
		return 2, true
	}
	for _, dir := range []string{"/dev/fd/", "/proc/self/fd/"} {
		if n, ok := strings.CutPrefix(path, dir); ok {
			fd, err := strconv.Atoi(n)
			return fd, err == nil && fd >= 0 && strconv.Itoa(fd) == n
		}
	}
	return 0, false
}

// toDescriptor writes the output to the open descriptor fd, as a shell's
// redirection to /dev/stdout does: at its offset, appending if it appends,
// and without replacing or truncating the file it writes.
func toDescriptor(fd int, path string, write func(io.Writer) error) error {
	dup, err := syscall.Dup(fd)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	f := os.NewFile(uintptr(dup), path)
	err = Spool(f, write)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// writable reports why the existing regular file fi, named path, is not to
// be replaced.
func writable(path string, fi fs.FileInfo) error {
	if fi.Mode().Perm()&0o222 == 0 {
		return fmt.Errorf("%s is read-only (mode %s): it is not replaced; make it writable or name another file", path, fi.Mode().Perm())
	}
	if err := syscall.Access(path, 2 /* W_OK */); err != nil {
		return fmt.Errorf("%s may not be written by this user (mode %s): it is not replaced", path, fi.Mode().Perm())
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && st.Nlink > 1 {
		return fmt.Errorf("%s has %d hard links: it is not replaced, which would part it from its other names; remove the other links or name another file", path, st.Nlink)
	}
	return nil
}

// keptMode is the part of a file's mode that a replacement keeps.
const keptMode = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky

// replace writes a temporary file beside path and renames it over path. old
// is the file it replaces, or nil for a new file.
func replace(path string, old fs.FileInfo, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	tmp, err := create(dir, "."+base+".tmp-", 0o666)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		release(tmp.Name())
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if old != nil {
		if err := keep(tmp, old, path); err != nil {
			return err
		}
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}

// keep gives tmp the mode, owner and group of old, the file named path.
func keep(tmp *os.File, old fs.FileInfo, path string) error {
	if err := tmp.Chmod(old.Mode() & keptMode); err != nil {
		return err
	}
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	var now syscall.Stat_t
	if err := syscall.Fstat(int(tmp.Fd()), &now); err != nil {
		return err
	}
	if now.Uid == st.Uid && now.Gid == st.Gid {
		return nil
	}
	if err := tmp.Chown(int(st.Uid), int(st.Gid)); err != nil {
		return fmt.Errorf("%s is owned by %d:%d, which its replacement could not keep (%v): it is not replaced", path, st.Uid, st.Gid, err)
	}
	// Changing the owner clears setuid and setgid: set the mode again.
	return tmp.Chmod(old.Mode() & keptMode)
}

// syncDir makes a rename in dir durable. A file system that cannot sync a
// directory (EINVAL) is not an error.
func syncDir(dir string) error {
	if dir == "" {
		dir = "."
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if errors.Is(err, syscall.EINVAL) {
		err = nil
	}
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// through writes the output to path without replacing it, once it is whole.
func through(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	err = Spool(f, write)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Spool writes the output that write makes to a temporary file in
// os.TempDir, and copies it to w only once write has returned nil, so that a
// failed write sends nothing to w. The temporary file is removed at the end,
// on error, and on SIGINT or SIGTERM, as for Write.
func Spool(w io.Writer, write func(io.Writer) error) error {
	tmp, err := create(os.TempDir(), ".spool.tmp-", 0o600)
	if err != nil {
		return err
	}
	defer func() {
		tmp.Close()
		os.Remove(tmp.Name())
		release(tmp.Name())
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err = io.Copy(w, tmp)
	return err
}

// create makes a new temporary file in dir whose name starts with prefix,
// with mode perm less the umask, and guards it against signals.
func create(dir, prefix string, perm fs.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(rand.Uint64(), 36))
		guard(name)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			return f, nil
		}
		release(name)
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("cannot make a temporary file in %s", dir)
}

// The temporary files that exist now, which a signal removes.
var (
	mu      sync.Mutex
	pending = map[string]bool{}
	signals chan os.Signal
)

// guard adds name to the files a signal removes; the first one starts
// listening for SIGINT and SIGTERM.
func guard(name string) {
	mu.Lock()
	defer mu.Unlock()
	pending[name] = true
	if signals == nil {
		signals = make(chan os.Signal, 1)
		signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
		go onSignal(signals)
	}
}

// release removes name from the files a signal removes; the last one stops
// listening, so that signals act as they did before.
func release(name string) {
	mu.Lock()
	defer mu.Unlock()
	delete(pending, name)
	if len(pending) == 0 && signals != nil {
		signal.Stop(signals)
		close(signals)
		signals = nil
	}
}

// onSignal removes the pending files when a signal comes, then ends the
// process as the signal would have.
func onSignal(c chan os.Signal) {
	sig, ok := <-c
	if !ok {
		return
	}
	mu.Lock() // held to the end: no file is made or renamed any more
	for name := range pending {
		os.Remove(name)
	}
	s := sig.(syscall.Signal)
	signal.Reset(s)
	syscall.Kill(syscall.Getpid(), s)
	time.Sleep(time.Second)
	os.Exit(128 + int(s))
}
