#!/usr/bin/perl
# test/layers/check.pl: checks that the C sources of src/ are layered.
#
# A file depends on the headers it #includes (with quotes) and on the files
# that define the functions and global variables it names outside a
# declaration (calls, and function pointers too), wherever their prototypes
# sit.  A module is a .c file and the .h of the same name beside it; the
# check fails when
#   - two modules depend on each other, directly or around a circle (a
#     file's header and its .c are one module, so a header may not lead back
#     to its own .c either);
#   - a file depends on a file of a folder above its own (the order of the
#     folders is src/LAYERS, top first); a file at src/ itself would be the
#     module's entry and may depend on every folder, none on it.
# Run from the top of the tree: perl test/layers/check.pl [--graph] [SRC]
# (SRC: the source folder, src by default; --graph prints every dependency).
use strict;
use warnings;
use File::Find;

my $graph = grep { $_ eq '--graph' } @ARGV;
my ($src) = (grep({ $_ ne '--graph' } @ARGV), 'src');

# The folders, top first.
open(my $lf, '<', "$src/LAYERS") or die "cannot read $src/LAYERS: $!\n";
my @layers = grep { length } map { s/#.*//r =~ s/^\s+|\s+$//gr } <$lf>;
close $lf;
my %rank;
$rank{$layers[$_]} = $_ + 1 for 0 .. $#layers;
$rank{'.'} = 0;    # src/ itself: the entry point

my @files;
find({ no_chdir => 1, wanted => sub { push @files, $_ if /\.[ch]$/ } }, $src);
@files = sort map { s{^\Q$src\E/}{}r } @files;

sub folder_of { my $f = shift; $f =~ m{^(.*)/[^/]+$} ? $1 : '.' }

my $failed = 0;
sub fail { print "not ok: $_[0]\n"; $failed = 1 }

# Text with comments, strings and character constants blanked.
sub code_of {
	my $path = shift;
	open(my $fh, '<', $path) or die "$path: $!\n";
	local $/;
	my $t = <$fh>;
	close $fh;
	$t =~ s{/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'}
	       { my $m = $&; $m =~ tr/\n//cd; $m =~ /^"/ ? qq{""} . $m : ' ' . $m }gse;
	return $t;
}

my (%includes, %defines, %refs);
for my $f (@files) {
	my $text = code_of("$src/$f");
	# #include "x.h": the including file's folder first, then src/.
	open(my $fh, '<', "$src/$f") or die;
	while (<$fh>) {
		next unless /^\s*#\s*include\s+"([^"]+)"/;
		my $h = $1;
		my $dir = folder_of($f);
		my $rel = $dir eq '.' ? $h : "$dir/$h";
		my @found = grep { -f "$src/$_" } ($rel, $h);
		push @{ $includes{$f} }, $found[0] if @found;
	}
	close $fh;

	# Macro bodies name what they use; other preprocessor lines name nothing.
	my @macro_ids;
	$text =~ s{^[ \t]*#[ \t]*(\w+)((?:[^\n]*\\\n)*[^\n]*)}{
		my ($kw, $rest) = ($1, $2);
		if ($kw eq 'define') {
			$rest =~ s/^\s*\w+(\([^)]*\))?//;
			push @macro_ids, $rest =~ /\b([A-Za-z_]\w*)\b/g;
		}
		my $m = $&; $m =~ tr/\n//cd; $m
	}gme;

	# Walk the tokens: at brace depth 0, a statement ending in ';' is a
	# declaration and names nothing but what its initializer names; one
	# ending in '{' defines a function, a variable with an initializer, or
	# a type.  Inside braces every identifier is a use.
	my @tok = $text =~ /([A-Za-z_]\w*|[{};=(])/g;
	my ($depth, @stmt) = (0);
	for my $t (@tok) {
		if ($depth > 0) {
			if ($t eq '{') { $depth++ }
			elsif ($t eq '}') { $depth--; @stmt = () if $depth == 0 }
			elsif ($t =~ /^\w/) { $refs{$f}{$t} = 1 }
			next;
		}
		if ($t eq '{' || $t eq ';') {
			my %kw = map { $_ => 1 } @stmt;
			# an initializer names what it uses
			my $seen_eq = 0;
			for my $s (@stmt) {
				$seen_eq ||= $s eq '=';
				$refs{$f}{$s} = 1 if $seen_eq && $s =~ /^\w/;
			}
			if (!$kw{static} && !$kw{extern} && !$kw{typedef} && !$kw{struct}
				&& !$kw{enum} && !$kw{union} && $f =~ /\.c$/) {
				# name before the first '(' (a function) or before '=' / ';'
				my $name;
				for my $i (0 .. $#stmt) {
					if ($stmt[$i] eq '(' || $stmt[$i] eq '=') { $name = $stmt[$i - 1] if $i > 0; last }
				}
				$name //= $stmt[-1] if $t eq ';' && @stmt;
				$defines{$name} = $f
				  if defined $name && $name =~ /^\w+$/ && $name !~ /^PG_FUNCTION_INFO_V1$/;
			}
			# a struct/enum/union body or an initializer is opened at depth 1
			$depth = 1 if $t eq '{';
			@stmt = ();
			next;
		}
		push @stmt, $t;
	}
	$refs{$f}{$_} = 1 for @macro_ids;
}

# Edges: includes, then uses of what another file defines.
my %dep;
for my $f (@files) {
	$dep{$f}{$_} = 'includes' for @{ $includes{$f} || [] };
	for my $id (keys %{ $refs{$f} || {} }) {
		my $d = $defines{$id};
		next unless defined $d && $d ne $f;
		$dep{$f}{$d} //= "uses $id";
	}
	delete $dep{$f}{$f};
}

if ($graph) {
	for my $f (@files) {
		print "$f -> $_ ($dep{$f}{$_})\n" for sort keys %{ $dep{$f} };
	}
}

# Every file sits in a folder that LAYERS names (or at src/ itself).
for my $f (@files) {
	my $dir = folder_of($f);
	fail("$f: folder $dir is not in $src/LAYERS") unless exists $rank{$dir};
}

# Downward only: a file's folder is its dependency's folder or above it.
for my $f (@files) {
	for my $d (sort keys %{ $dep{$f} }) {
		my ($a, $b) = (folder_of($f), folder_of($d));
		next unless exists $rank{$a} && exists $rank{$b};
		fail("$f depends on $d ($dep{$f}{$d}), a folder above its own")
		  if $rank{$b} < $rank{$a} || ($b eq '.' && $a ne '.');
	}
}

# No circle of modules (Tarjan's strongly connected components).
sub module_of { $_[0] =~ s/\.[ch]$//r }
my %mdep;
for my $f (keys %dep) {
	for my $d (keys %{ $dep{$f} }) {
		my ($a, $b) = (module_of($f), module_of($d));
		$mdep{$a}{$b} = 1 unless $a eq $b;
	}
}
my @modules = sort { $a cmp $b } keys %{ { map { module_of($_) => 1 } @files } };
my ($index, %idx, %low, %on, @stack) = (0);
my @cycles;
my $strong;
$strong = sub {
	my $v = shift;
	$idx{$v} = $low{$v} = $index++;
	push @stack, $v;
	$on{$v} = 1;
	for my $w (sort keys %{ $mdep{$v} || {} }) {
		if (!exists $idx{$w}) { $strong->($w); $low{$v} = $low{$w} if $low{$w} < $low{$v} }
		elsif ($on{$w}) { $low{$v} = $idx{$w} if $idx{$w} < $low{$v} }
	}
	if ($low{$v} == $idx{$v}) {
		my @c;
		while (1) { my $w = pop @stack; $on{$w} = 0; push @c, $w; last if $w eq $v }
		push @cycles, [sort @c] if @c > 1;
	}
};
$strong->($_) for grep { !exists $idx{$_} } @modules;
fail("modules depend on each other in a circle: @$_") for @cycles;

my %folders = map { folder_of($_) => 1 } @files;
printf "%s: %d files in %d folders, %d dependencies\n",
  $failed ? 'layering broken' : 'layering holds',
  scalar(@files), scalar(keys %folders), scalar(map { keys %$_ } values %dep);
exit $failed;
