import { render } from 'preact';
render(<p>Playcard</p>, document.getElementById('app')!);
