/** The one script rule lives with the model; FtM import uses it as every other writer does. */
export { detectScript } from '../model';
