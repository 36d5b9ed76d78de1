/*
 * The Linux launcher of the app image (bin/Riddance, in the .deb, the .rpm and the portable zip). It takes the
 * place of jpackage's launcher of that name: it starts the bundled Java runtime with what jpackage wrote into
 * lib/app/Riddance.cfg (the launcher's name + ".cfg") and the technician's arguments exactly as given.
 *
 * Why not jpackage's launcher: on Linux it asks `rpm -qf` and `dpkg -S`, through /bin/sh and twice, which package
 * owns it, on every start, even in the portable image that no package owns. That is about 0.3 s before Java
 * starts. This one reads one small file and replaces itself with java: no shell, no child process.
 * See docs/decisions/0031-own-linux-launcher.md.
 *
 * The cfg format is jpackage's: [Application] app.classpath / app.mainjar / app.mainclass, [JavaOptions]
 * java-options, [ArgOptions] arguments (used only when no argument is given); $APPDIR, $BINDIR and $ROOTDIR
 * stand for lib/app, bin and the image's root. Like jpackage's launcher it sets jpackage.app-path to itself,
 * which the app uses to find a portable image's data folder and to start itself again after a restart.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXIT_ERROR 2 /* Riddance's exit code for "error" */

struct list {
    char **items;
    size_t count;
    size_t capacity;
};

static void fail(const char *what, const char *path, const char *why) {
    fprintf(stderr, "riddance: %s %s%s%s\n", what, path, why ? ": " : "", why ? why : "");
    exit(EXIT_ERROR);
}

static void *checked(void *memory) {
    if (!memory) {
        fail("out of memory starting", "Java", NULL);
    }
    return memory;
}

static void add(struct list *list, char *item) {
    if (list->count + 1 >= list->capacity) { /* one slot always free for the NULL that ends an argv */
        list->capacity = list->capacity ? list->capacity * 2 : 16;
        list->items = checked(realloc(list->items, list->capacity * sizeof *list->items));
    }
    list->items[list->count++] = item;
    list->items[list->count] = NULL;
}

static char *concat(const char *a, const char *b) {
    char *result = checked(malloc(strlen(a) + strlen(b) + 1));
    strcpy(result, a);
    strcat(result, b);
    return result;
}

/* The folder a path is in: "/opt/riddance/bin/riddance" -> "/opt/riddance/bin". */
static char *parent(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path) {
        fail("cannot find the app image around", path, "it must sit in the image's bin folder");
    }
    return checked(strndup(path, (size_t)(slash - path)));
}

/* A cfg value with $APPDIR, $BINDIR and $ROOTDIR replaced; anything else is kept as written. */
static char *expand(const char *value, const char *app, const char *bin, const char *root) {
    static const char *const names[] = {"$APPDIR", "$BINDIR", "$ROOTDIR"};
    const char *const folders[] = {app, bin, root};
    size_t size = strlen(value) + 1;
    for (const char *p = value; (p = strchr(p, '$')); p++) {
        size += strlen(root) + strlen(app) + strlen(bin); /* generous: a name is never shorter than nothing */
    }
    char *result = checked(malloc(size));
    char *out = result;
    while (*value) {
        int replaced = 0;
        for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
            size_t length = strlen(names[i]);
            if (strncmp(value, names[i], length) == 0) {
                out = stpcpy(out, folders[i]);
                value += length;
                replaced = 1;
                break;
            }
        }
        if (!replaced) {
            *out++ = *value++;
        }
    }
    *out = '\0';
    return result;
}

static char *trim_line_end(char *line) {
    size_t length = strlen(line);
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) {
        line[--length] = '\0';
    }
    return line;
}

int main(int argc, char *argv[]) {
    char self[PATH_MAX];
    ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1); /* the real file, through any symlink */
    if (length < 0) {
        fail("cannot find its own path in", "/proc/self/exe", strerror(errno));
    }
    self[length] = '\0';
    char *bin = parent(self);
    char *root = parent(bin);
    char *app = concat(root, "/lib/app");
    char *cfg_name = concat(strrchr(self, '/'), ".cfg");
    char *cfg_path = concat(app, cfg_name);
    char *java = concat(root, "/lib/runtime/bin/java");

    FILE *cfg = fopen(cfg_path, "r");
    if (!cfg) {
        fail("cannot read", cfg_path, strerror(errno));
    }
    struct list options = {0}, classpath = {0}, arguments = {0};
    char *main_class = NULL, *main_jar = NULL;
    char section[32] = "";
    char *line = NULL;
    size_t capacity = 0;
    while (getline(&line, &capacity, cfg) >= 0) {
        trim_line_end(line);
        if (line[0] == '[') {
            snprintf(section, sizeof section, "%s", line);
            continue;
        }
        char *equals = strchr(line, '=');
        if (line[0] == '#' || !equals) {
            continue;
        }
        *equals = '\0';
        const char *key = line;
        char *value = expand(equals + 1, app, bin, root);
        if (strcmp(section, "[Application]") == 0 && strcmp(key, "app.mainclass") == 0) {
            main_class = value;
        } else if (strcmp(section, "[Application]") == 0 && strcmp(key, "app.mainjar") == 0) {
            main_jar = value;
        } else if (strcmp(section, "[Application]") == 0 && strcmp(key, "app.classpath") == 0) {
            if (*value) {
                add(&classpath, value);
            }
        } else if (strcmp(section, "[JavaOptions]") == 0 && strcmp(key, "java-options") == 0) {
            add(&options, value);
        } else if (strcmp(section, "[ArgOptions]") == 0 && strcmp(key, "arguments") == 0) {
            add(&arguments, value);
        } else {
            free(value);
        }
    }
    if (ferror(cfg)) {
        fail("cannot read", cfg_path, strerror(errno));
    }
    fclose(cfg);
    free(line);
    if (!main_class && !main_jar) {
        fail("no app.mainclass or app.mainjar in", cfg_path, NULL);
    }

    struct list java_argv = {0};
    add(&java_argv, java);
    add(&java_argv, concat("-Djpackage.app-path=", self));
    for (size_t i = 0; i < options.count; i++) {
        add(&java_argv, options.items[i]);
    }
    if (main_class) { /* the main jar, if named, comes first on the class path */
        char *joined = checked(strdup(main_jar ? main_jar : ""));
        for (size_t i = 0; i < classpath.count; i++) {
            char *longer = concat(joined, *joined ? ":" : "");
            free(joined);
            joined = concat(longer, classpath.items[i]);
            free(longer);
        }
        add(&java_argv, "-classpath");
        add(&java_argv, joined);
        add(&java_argv, main_class);
    } else {
        add(&java_argv, "-jar");
        add(&java_argv, main_jar);
    }
    if (argc > 1) {
        for (int i = 1; i < argc; i++) {
            add(&java_argv, argv[i]);
        }
    } else {
        for (size_t i = 0; i < arguments.count; i++) {
            add(&java_argv, arguments.items[i]);
        }
    }
    execv(java, java_argv.items);
    fail("cannot start the bundled Java runtime", java, strerror(errno));
    return EXIT_ERROR;
}
