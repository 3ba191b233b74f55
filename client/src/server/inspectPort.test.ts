import { strict as assert } from 'node:assert';
import { INSPECT_ENV, serverInspectPort } from './inspectPort';

describe('serverInspectPort', () => {
  it('is undefined when the variable is unset or empty, so a normal start opens no debug port', () => {
    assert.equal(serverInspectPort({}), undefined);
    assert.equal(serverInspectPort({ [INSPECT_ENV]: ' ' }), undefined);
  });

  it('reads the port the launch configuration asks for', () => {
    assert.equal(serverInspectPort({ [INSPECT_ENV]: '6009' }), 6009);
  });

  it('refuses a value that is not a port, naming it', () => {
    for (const value of ['yes', '0', '70000', '60.5']) {
      assert.throws(() => serverInspectPort({ [INSPECT_ENV]: value }), new RegExp(`${INSPECT_ENV}=${value.replace('.', '\\.')} is not a port`));
    }
  });
});
