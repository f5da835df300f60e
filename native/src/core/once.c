/* once.c — run an initialiser exactly once, whichever thread comes first
 * (InitOnceExecuteOnce on Windows, pthread_once elsewhere). */
#include "core/internal.h"

#ifdef _WIN32
#include <windows.h>

_Static_assert(sizeof(vl_once) == sizeof(INIT_ONCE), "vl_once must hold an INIT_ONCE");

typedef struct once_box {
    void (*fn)(void);
} once_box;

static BOOL CALLBACK once_trampoline(PINIT_ONCE once, PVOID param, PVOID *context)
{
    (void)once;
    (void)context;
    ((once_box *)param)->fn();
    return TRUE;
}

void vl_call_once(vl_once *once, void (*fn)(void))
{
    once_box box = {fn};
    InitOnceExecuteOnce((PINIT_ONCE)(void *)once, once_trampoline, &box, NULL);
}
#else
void vl_call_once(vl_once *once, void (*fn)(void))
{
    pthread_once(once, fn);
}
#endif
