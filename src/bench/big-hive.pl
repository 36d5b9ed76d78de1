#!/usr/bin/perl
# Writes a real-size offline Windows disk for the scan benchmark (issue 13 item 4): DIR/Windows/System32/config/SOFTWARE
# of about MB megabytes and a SYSTEM hive, both real regf files written by hivex (Debian libwin-hivex-perl), from
# hivex's own empty `minimal` hive. Bulk is COM class registrations (most of a real SOFTWARE hive is Classes), beside
# 1,500 uninstall entries and 600 services; one Kaspersky Endpoint Security install (uninstall entry, product key,
# klif driver) so the scan has something to find. Adding through Win::Hivex runs at about 10,000 keys/s here, against
# about 50 KB/s for hivexregedit --merge.  Usage: big-hive.pl MINIMAL_HIVE DIR MB
use strict;
use warnings;
use Win::Hivex;
use Encode qw(encode);
use File::Path qw(make_path);
use File::Copy qw(copy);

my ($minimal, $dir, $mb) = @ARGV;
die "usage: big-hive.pl MINIMAL_HIVE DIR MB\n" unless defined $mb;
my $config = "$dir/Windows/System32/config";
make_path($config);

sub sz { return encode('UTF-16LE', $_[0] . "\0") }
sub values_of {    # [name, type, value] -> hivex value hashes; type 1 string, 2 expandable string, 4 dword
    return [map { { key => $_->[0], t => $_->[1], value => $_->[1] == 4 ? pack('V', $_->[2]) : sz($_->[2]) } } @_];
}
sub fresh {
    my ($name) = @_;
    copy($minimal, "$config/$name") or die "copy $minimal: $!";
    chmod 0644, "$config/$name";
    return Win::Hivex->open("$config/$name", write => 1);
}
sub path {    # adds (or finds) each key along a backslash path
    my ($h, $node, $path) = @_;
    for my $part (split /\\/, $path) {
        my $child = $h->node_get_child($node, $part);
        $node = defined $child ? $child : $h->node_add_child($node, $part);
    }
    return $node;
}

my $software = fresh('SOFTWARE');
my $root = $software->root();
my $uninstall = path($software, $root, 'Microsoft\Windows\CurrentVersion\Uninstall');
for my $i (0 .. 1499) {
    my $guid = sprintf('{%08X-0000-4000-8000-%012d}', $i, $i);
    $software->node_set_values($software->node_add_child($uninstall, $guid), values_of(
        ['DisplayName', 1, "Product $i"], ['Publisher', 1, 'Vendor ' . ($i % 300)], ['DisplayVersion', 1, "1.0.$i"],
        ['UninstallString', 2, "MsiExec.exe /X$guid"], ['WindowsInstaller', 4, 1], ['EstimatedSize', 4, 120000]));
}
my $kes = '{9A017C4E-4F77-4F6D-9A42-6F6BA3E2C7F0}';
$software->node_set_values(path($software, $root, "WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$kes"), values_of(
    ['DisplayName', 1, 'Kaspersky Endpoint Security for Windows'], ['Publisher', 1, 'AO Kaspersky Lab'],
    ['DisplayVersion', 1, '12.6.0.438'], ['UninstallString', 2, "MsiExec.exe /X$kes"], ['WindowsInstaller', 4, 1]));
$software->node_set_values(path($software, $root, 'WOW6432Node\KasperskyLab\protected\KES\environment'), values_of(
    ['ProductVersion', 1, '12.6.0.438'], ['ProductRoot', 1, 'C:\Program Files (x86)\Kaspersky Lab\KES.12.6.0\\']));

my $classes = $software->node_add_child($root, 'Classes');
my $keys = int($mb * 1_000_000 / 650);    # hivex writes about 650 bytes per key of this shape
my ($group, $set);
for my $i (0 .. $keys - 1) {    # 50 per key, 50 keys per set: no list grows long enough to be rewritten often
    $group = $software->node_add_child($classes, sprintf('Group%05d', $i / 2500)) if $i % 2500 == 0;
    $set = $software->node_add_child($group, sprintf('Set%03d', ($i / 50) % 50)) if $i % 50 == 0;
    $software->node_set_values($software->node_add_child($set, sprintf('{%08X-1111-2222-3333-%012d}', $i, $i)), values_of(
        ['', 1, "Component $i"], ['InprocServer32', 2, 'C:\Program Files\Vendor ' . ($i % 500) . "\\component$i.dll"],
        ['ThreadingModel', 1, 'Apartment']));
}
$software->commit(undef);

my $system = fresh('SYSTEM');
my $sroot = $system->root();
$system->node_set_values(path($system, $sroot, 'Select'), values_of(['Current', 4, 1], ['Default', 4, 1]));
my $services = path($system, $sroot, 'ControlSet001\Services');
for my $i (0 .. 599) {
    $system->node_set_values($system->node_add_child($services, sprintf('Service%03d', $i)), values_of(
        ['Type', 4, 16], ['Start', 4, 3], ['ImagePath', 2, "C:\\Windows\\System32\\svc$i.exe"]));
}
$system->node_set_values($system->node_add_child($services, 'klif'), values_of(
    ['Type', 4, 2], ['Start', 4, 0], ['ImagePath', 2, '\SystemRoot\System32\drivers\klif.sys']));
$system->commit(undef);
